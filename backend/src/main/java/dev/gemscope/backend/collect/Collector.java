package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.DrmClient;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.FailedOperation;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.model.ProcessInfo;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.parse.drm.DriClientsParser;
import dev.gemscope.backend.parse.proc.FdLink;
import dev.gemscope.backend.parse.proc.GpuMapping;
import dev.gemscope.backend.source.DrmSysfsReader;
import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads every source under a {@link SystemRoot} once and joins them into one {@link Snapshot}:
 * devices (sysfs + debugfs), dma-bufs (bufinfo, or sysfs stats), one pass over /proc for holders,
 * mappings and DRM clients, then GEM objects from all the evidence. Read-only: it opens no device.
 */
public final class Collector {

    private final SystemRoot root;
    private final Clock clock;

    public Collector(SystemRoot root) {
        this(root, Clock.systemUTC());
    }

    /** With a fixed clock, for reproducible snapshots of captured trees. */
    public Collector(SystemRoot root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public Snapshot collect() {
        return collect(List.of());
    }

    /**
     * A collection that also carries failures seen by another source (e.g. {@code gemscope watch});
     * the collector itself never sees failures.
     */
    public Snapshot collect(List<FailedOperation> failedOperations) {
        SourceLog log = new SourceLog();
        String release = firstLine("/proc/sys/kernel/osrelease", log);
        String host = firstLine("/proc/sys/kernel/hostname", log);

        DeviceCatalog devices = new DeviceCatalog();
        DrmSysfsReader.Result sysfs = new DrmSysfsReader(root).read();
        log.read(DrmSysfsReader.CLASS_DIR, sysfs.classStatus(), "", sysfs.devices().size() + " devices");
        log.warnings(sysfs.warnings());
        devices.addFromSysfs(sysfs);
        DebugfsReader.Result debugfs = new DebugfsReader(root, log).read();
        Map<String, List<DebugfsDir>> dirsByDevice = new LinkedHashMap<>();
        for (DebugfsDir dir : debugfs.dirs()) {
            // Before ≈6.7 every minor of a device has its own directory with the same device-wide files
            // (clients, gem_names); the first one (the card's) is the device's.
            String deviceId = devices.addFromDebugfs(dir);
            if (!dirsByDevice.containsKey(deviceId)) {
                dirsByDevice.put(deviceId, new ArrayList<>(List.of(dir)));
            }
        }

        DmaBufSource.Listing listing = new DmaBufSource(root, log).read();
        List<ScannedProcess> processes = new ProcessScanner(root, log).scan();

        BufferJoin buffers = new BufferJoin(listing, log);
        ClientJoin clientJoin = new ClientJoin(devices, dirsByDevice);
        List<DrmClient> clients = new ArrayList<>();
        List<ProcessInfo> processInfos = new ArrayList<>();
        for (ScannedProcess p : processes) {
            processInfos.add(new ProcessInfo(p.pid(), p.comm(), p.cmdline(), p.uid()));
            for (ScannedProcess.ScannedFd fd : p.fds()) {
                if (fd.link().kind() == FdLink.Kind.DRM_NODE) {
                    DrmClient c = clientJoin.client(p, fd);
                    clients.add(c);
                    buffers.addHolder(new Holder(p.pid(), fd.fd(), Holder.Kind.DRM, fd.link().target(), null, c.node(),
                            c.deviceId(), fd.info().map(i -> i.header().flags()).filter(f -> f.isPresent())
                                    .map(f -> (int) f.getAsLong()).orElse(null)));
                } else {
                    buffers.addDmaBufFd(p.pid(), fd, root.statInode("/proc/" + p.pid() + "/fd/" + fd.fd()));
                }
            }
            for (GpuMapping m : p.mappings()) {
                String node = m.kind() == GpuMapping.Kind.DRM_NODE ? DebugfsReader.basename(m.path()) : null;
                buffers.addMapping(p.pid(), m, node);
            }
        }
        reportUnseenClients(clientJoin.unmatchedRows(), processes, log);

        // The exporter's handle state follows from the file count only when every reference is visible:
        // all processes' fds and maps, and bufinfo's attachment lines.
        boolean allVisible = log.processesDenied == 0 && root.list("/proc").ok()
                && listing.origin().equals(dev.gemscope.backend.parse.dmabuf.BufinfoParser.PATH);
        GemObjectBuilder gem = new GemObjectBuilder(devices);
        Map<String, List<String>> attachedByKey = listing.buffers().stream()
                .collect(Collectors.toMap(l -> l.buf().key(), DmaBufSource.Listed::attachments, (a, b) -> a, LinkedHashMap::new));
        List<Holder> holders = buffers.holders();
        List<Mapping> mappings = buffers.mappings();
        for (DmaBuf buf : buffers.buffers()) {
            List<String> attached = attachedByKey.getOrDefault(buf.key(), List.of());
            gem.addImports(buf, attached);
            buffers.replace(gem.addExporter(buf, attached, holders, mappings, allVisible));
        }
        for (Map.Entry<String, List<DebugfsDir>> e : dirsByDevice.entrySet()) {
            for (DebugfsDir dir : e.getValue()) {
                gem.addFlinkNames(e.getKey(), dir.path() + "/gem_names", dir.gemNames());
                gem.addFramebuffers(e.getKey(), dir.path() + "/framebuffer", dir.framebuffers());
                dir.i915().ifPresent(i -> I915Objects.add(gem, e.getKey(), i));
            }
        }
        for (Mapping m : mappings) {
            gem.addMapping(m);
        }

        List<DmaBuf> bufs = buffers.buffers();
        return SnapshotOrder.sorted(new Snapshot(
                Instant.now(clock).toString(), host, release, root.isLive() ? "live" : root.location().toString(),
                log.sources(), log.visibility(), processInfos, devices.devices(), clients, gem.objects(), bufs,
                gem.attachments(), holders, mappings, failedOperations,
                TotalsCalculator.compute(bufs, holders, mappings, processInfos), log.warnings(), List.of()));
    }

    /**
     * Only the DRM devices (sysfs and debugfs, no pass over /proc): what a caller needs to map a
     * node name to its device and driver, quickly.
     */
    public List<DrmDevice> devices() {
        SourceLog log = new SourceLog();
        DeviceCatalog devices = new DeviceCatalog();
        devices.addFromSysfs(new DrmSysfsReader(root).read());
        for (DebugfsDir dir : new DebugfsReader(root, log).read().dirs()) {
            devices.addFromDebugfs(dir);
        }
        return devices.devices();
    }

    private void reportUnseenClients(List<DriClientsParser.Client> rows, List<ScannedProcess> seen, SourceLog log) {
        Set<Long> seenPids = seen.stream().map(p -> (long) p.pid()).collect(Collectors.toSet());
        for (DriClientsParser.Client row : rows) {
            if (!seenPids.contains(row.pid()) && !seenPids.contains(threadGroupOf(row.pid()))) {
                log.missing("pid " + row.pid() + (row.command().isEmpty() ? "" : " (" + row.command() + ")"),
                        "its DRM file (listed in debugfs clients)", "its fds were not visible or it exited",
                        "run as root or with CAP_SYS_PTRACE");
            }
        }
    }

    /**
     * The process a task id belongs to. Up to 6.6 the {@code clients} column is the pid of the
     * <em>thread</em> that opened the file (measured on 6.1: a JVM opens from a non-main thread, so
     * the row names a thread id, which /proc lists under no directory of its own but still serves).
     * -1 when unknown.
     */
    private long threadGroupOf(long tid) {
        ReadResult r = root.read("/proc/" + tid + "/status", 16384);
        if (!r.ok()) {
            return -1;
        }
        return dev.gemscope.backend.parse.proc.ProcStatusParser.parse(r.text(), "/proc/" + tid + "/status").tgid().orElse(-1);
    }

    private String firstLine(String path, SourceLog log) {
        ReadResult r = root.read(path, 4096);
        log.read(r, "");
        return r.ok() ? r.text().strip() : "unknown";
    }
}
