package dev.gemscope.app.bench;

import dev.gemscope.backend.model.Attachment;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.DrmClient;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.model.ProcessInfo;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.model.Totals;
import dev.gemscope.backend.model.VisibilityReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A big, plausible snapshot for the GUI benchmark: {@code processes} processes, each with a DRM
 * client on an i915 GPU, {@code objectsPerProcess} GEM objects, every fourth exported as a dma-buf
 * that a vgem device imports and the process holds by fd. Deterministic.
 */
public final class SyntheticSnapshot {

    private SyntheticSnapshot() {
    }

    public static Snapshot of(int processes, int objectsPerProcess) {
        List<ProcessInfo> procs = new ArrayList<>();
        List<DrmClient> clients = new ArrayList<>();
        List<GemObject> objects = new ArrayList<>();
        List<DmaBuf> bufs = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        List<Holder> holders = new ArrayList<>();
        List<Mapping> mappings = new ArrayList<>();
        List<Totals.ProcessUsage> usage = new ArrayList<>();
        DrmDevice gpu = new DrmDevice("0000:00:02.0", "i915", null, null, null, "0000:00:02.0",
                new DrmDevice.PciInfo("0000:00:02.0", "0x8086", "0xa7a0", "0x1043", "0x1d12", "0x04", "0x030000"),
                List.of(new DrmDevice.DrmMinor("card0", DrmDevice.DrmMinor.Kind.PRIMARY, 0),
                        new DrmDevice.DrmMinor("renderD128", DrmDevice.DrmMinor.Kind.RENDER, 128)), null);
        DrmDevice vgem = new DrmDevice("vgem", "vgem", null, null, null, "vgem", null,
                List.of(new DrmDevice.DrmMinor("card1", DrmDevice.DrmMinor.Kind.PRIMARY, 1)), null);
        long ino = 1000;
        long total = 0;
        for (int p = 0; p < processes; p++) {
            int pid = 10_000 + p;
            String comm = "app" + p;
            procs.add(new ProcessInfo(pid, comm, "/usr/bin/" + comm + " --gpu", 1000));
            clients.add(new DrmClient(gpu.id(), "renderD128", pid, comm, 5, (long) p, null, 1000, false, true,
                    List.of(new DrmClient.RegionUsage("system0", 1L << 24, 0L, 1L << 24, 0L, 0L)),
                    List.of(new DrmClient.EngineUsage("render", 1_000_000L * p, null, null, null, null)), Map.of()));
            long rss = 0;
            int held = 0;
            for (int o = 0; o < objectsPerProcess; o++) {
                long size = 4096L << (o % 10);
                boolean exported = o % 4 == 0;
                String key = exported ? "ino:" + ino : null;
                objects.add(new GemObject(gpu.id() + "/obj:" + pid + ":" + o, gpu.id(), pid, (long) p, o + 1, null,
                        size, GemObject.Backing.SHMEM, exported ? ino : null, key,
                        exported ? GemObject.Role.EXPORTER : GemObject.Role.NONE,
                        List.of(new GemObject.Evidence("/sys/kernel/debug/dri/0000:00:02.0/i915_gem_objects",
                                "synthetic")), Map.of("tiling", o % 2 == 0 ? "X" : "none", "cache", "LLC")));
                if (exported) {
                    bufs.add(new DmaBuf(key, ino, size, "i915", null, 2L, 2, 0, List.of(), gpu.id()));
                    objects.add(new GemObject("vgem/import:" + key, "vgem", null, null, null, null, size,
                            GemObject.Backing.IMPORTED, ino, key, GemObject.Role.IMPORTER, List.of(), Map.of()));
                    attachments.add(new Attachment(key, "vgem", "vgem", "vgem/import:" + key));
                    holders.add(new Holder(pid, 100 + o, Holder.Kind.DMABUF, "/dmabuf:", key, null, null, 2));
                    if (o % 8 == 0) {
                        mappings.add(new Mapping(pid, 0x7f0000000000L + o * 0x100000L, 0x7f0000000000L + o * 0x100000L + size,
                                "rw-s", 0, Mapping.Kind.DMABUF, key, null, false, "/dmabuf:"));
                    }
                    rss += size;
                    held++;
                    total += size;
                    ino++;
                }
            }
            holders.add(new Holder(pid, 5, Holder.Kind.DRM, "/dev/dri/renderD128", null, "renderD128", gpu.id(), 2));
            usage.add(new Totals.ProcessUsage(pid, comm, held, rss, rss));
        }
        return new Snapshot("2026-11-25T18:00:00Z", "bench", "7.2.0-bench", "synthetic benchmark", List.of(),
                new VisibilityReport(true, processes, 0, 0, 0, List.of()), procs, List.of(gpu, vgem), clients,
                objects, bufs, attachments, holders, mappings, List.of(), new Totals(bufs.size(), total, usage),
                List.of(), List.of());
    }
}
