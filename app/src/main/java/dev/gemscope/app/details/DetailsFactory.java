package dev.gemscope.app.details;

import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.graph.Sizes;
import dev.gemscope.backend.model.Attachment;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.DrmClient;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.FailedOperation;
import dev.gemscope.backend.model.ProbeResult;
import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.model.ProcessInfo;
import dev.gemscope.backend.model.Totals;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The details pane's content for each kind of thing in a snapshot. Pure; no controls. */
public final class DetailsFactory {

    private final SnapshotIndex index;

    public DetailsFactory(SnapshotIndex index) {
        this.index = index;
    }

    public static String bytes(Long n) {
        return n == null ? null : Sizes.human(n) + (n >= 1024 ? " (" + n + " B)" : "");
    }

    public Details object(GemObject o) {
        Details.Builder b = Details.builder("GEM object " + o.id())
                .add("id", o.id())
                .add("device", index.deviceLabel(o.deviceId()))
                .add("backing", o.backing().name().toLowerCase(), backingHelp(o.backing()))
                .add("role", o.role().name().toLowerCase(), "exporter: its dma-buf was made from it; "
                        + "importer: it was made from a dma-buf")
                .add("size", bytes(o.size()))
                .add("handle", o.handle())
                .add("flink name", o.flinkName(), "global name from DRM_IOCTL_GEM_FLINK (debugfs gem_names)")
                .add("owner", o.ownerPid() == null ? null : index.processLabel(o.ownerPid()))
                .add("DRM client id", o.clientId());
        if (o.dmaBufKey() != null) {
            DmaBuf buf = index.buffer(o.dmaBufKey());
            b.category("dma-buf")
                    .add(o.role() == GemObject.Role.IMPORTER ? "imported from" : "exported as", o.dmaBufKey())
                    .add("dma-buf exporter", buf == null ? null : buf.exporter())
                    .add("dma-buf size", buf == null ? null : bytes(buf.size()));
        }
        b.category("Evidence (how it is known)");
        int n = 1;
        for (GemObject.Evidence e : o.evidence()) {
            b.add("#" + n++ + " " + shortSource(e.source()), e.rule(), e.source());
        }
        if (!o.attributes().isEmpty()) {
            b.category("Driver details (debugfs)");
            o.attributes().forEach((k, v) -> b.add(k, v));
        }
        return b.build();
    }

    /** "/sys/kernel/debug/dma_buf/bufinfo" → "bufinfo". */
    public static String shortSource(String source) {
        if (source == null) {
            return "";
        }
        String s = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static String backingHelp(GemObject.Backing backing) {
        return switch (backing) {
            case SHMEM -> "shmem pages: the object has a filp";
            case IMPORTED -> "an sg_table from an imported dma-buf: no filp, pages belong to the exporter";
            case STOLEN -> "i915 stolen memory";
            case LMEM -> "device-local memory";
            case UNKNOWN -> "no source said";
        };
    }

    public Details buffer(DmaBuf buf) {
        Details.Builder b = Details.builder("dma-buf " + (buf.ino() != null ? "ino " + buf.ino() : buf.key()))
                .add("key", buf.key())
                .add("inode", buf.ino())
                .add("size", bytes(buf.size()))
                .add("exporter", buf.exporter())
                .add("exporting device", index.deviceLabel(buf.exporterDeviceId()))
                .add("name", buf.name(), "set with DMA_BUF_SET_NAME")
                .add("file count", buf.fileCount(), "references to the dma-buf file (bufinfo count)")
                .add("flags", buf.flags() == null ? null : "0" + Integer.toOctalString(buf.flags()))
                .add("mode", buf.mode() == null ? null : "0x" + Integer.toHexString(buf.mode()));
        b.category("Fences");
        int n = 1;
        for (DmaBuf.Fence f : buf.fences()) {
            b.add("#" + n++ + " " + f.usage(), fence(f));
        }
        if (buf.fences().isEmpty()) {
            b.add("fences", "none");
        }
        b.category("Attachments (importing devices)");
        for (Attachment a : index.attachmentsOf(buf.key())) {
            b.add(a.deviceName(), a.importedObjectId() == null ? "attached" : "imported as " + a.importedObjectId());
        }
        b.category("Holders (fds and mappings)");
        for (Holder h : index.holdersOf(buf.key())) {
            b.add("fd " + h.fd(), index.processLabel(h.pid()) + " · " + h.target());
        }
        for (Mapping m : index.mappingsOf(buf.key())) {
            b.add("mapping", index.processLabel(m.pid()) + " · " + mapping(m));
        }
        Set<Integer> pids = index.referencingPids(buf.key());
        if (!pids.isEmpty()) {
            b.category("Per-process share (RSS / PSS)");
            for (int pid : pids) {
                b.add(index.processLabel(pid), Sizes.human(buf.size()) + " / " + Sizes.human(buf.size() / pids.size()),
                        "RSS: the whole buffer; PSS: its size divided by the " + pids.size() + " processes referencing it");
            }
        }
        return b.build();
    }

    static String fence(DmaBuf.Fence f) {
        StringBuilder s = new StringBuilder(f.signalled() ? "signalled" : "PENDING");
        if (f.driver() != null && !f.driver().isEmpty()) {
            s.append(", ").append(f.driver());
        }
        if (f.timeline() != null && !f.timeline().isEmpty()) {
            s.append(" / ").append(f.timeline());
        }
        if (f.context() != null) {
            s.append(", context ").append(f.context());
        }
        if (f.seqno() != null) {
            s.append(", seqno ").append(f.seqno());
        }
        return s.toString();
    }

    static String mapping(Mapping m) {
        return String.format("%x – %x %s (%s)", m.start(), m.end(), m.perms(), Sizes.human(m.length()));
    }

    public Details client(DrmClient c) {
        Details.Builder b = Details.builder("DRM client " + c.node() + " of " + index.processLabel(c.pid()))
                .add("process", index.processLabel(c.pid()))
                .add("fd", c.fd())
                .add("node", c.node())
                .add("device", index.deviceLabel(c.deviceId()))
                .add("client id", c.clientId(), "drm-client-id from fdinfo")
                .add("client name", c.clientName(), "drm-client-name (6.13+)")
                .add("uid", c.uid())
                .add("master", c.master())
                .add("authenticated", c.authenticated());
        if (!c.memory().isEmpty()) {
            b.category("Memory per region (fdinfo)");
            for (DrmClient.RegionUsage r : c.memory()) {
                b.add(r.region(), region(r));
            }
        }
        if (!c.engines().isEmpty()) {
            b.category("Engines (busy time)");
            for (DrmClient.EngineUsage e : c.engines()) {
                b.add(e.engine(), engine(e));
            }
        }
        if (!c.driverKeys().isEmpty()) {
            b.category("Driver keys (fdinfo)");
            c.driverKeys().forEach((k, v) -> b.add(k, v));
        }
        return b.build();
    }

    public static String region(DrmClient.RegionUsage r) {
        StringBuilder s = new StringBuilder();
        append(s, "total", r.total());
        append(s, "resident", r.resident());
        append(s, "shared", r.shared());
        append(s, "active", r.active());
        append(s, "purgeable", r.purgeable());
        return s.toString();
    }

    private static void append(StringBuilder s, String name, Long value) {
        if (value != null) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(name).append(' ').append(Sizes.human(value));
        }
    }

    public static String engine(DrmClient.EngineUsage e) {
        StringBuilder s = new StringBuilder();
        if (e.busyNs() != null) {
            s.append(String.format(java.util.Locale.ROOT, "%.3f s busy", e.busyNs() / 1e9));
        }
        if (e.capacity() != null) {
            s.append(s.length() > 0 ? ", " : "").append(e.capacity()).append(" engines");
        }
        if (e.cycles() != null) {
            s.append(s.length() > 0 ? ", " : "").append(e.cycles()).append(" cycles");
        }
        if (e.maxFreq() != null) {
            s.append(s.length() > 0 ? ", " : "").append("max ").append(e.maxFreq());
        }
        return s.toString();
    }

    public Details process(int pid) {
        ProcessInfo p = index.process(pid);
        Details.Builder b = Details.builder("Process " + index.processLabel(pid))
                .add("pid", pid)
                .add("comm", p == null ? null : p.comm())
                .add("command line", p == null ? null : p.cmdline())
                .add("uid", p == null ? null : p.uid());
        Totals.ProcessUsage u = index.usage(pid);
        if (u != null) {
            b.category("dma-buf memory")
                    .add("buffers", u.buffers())
                    .add("RSS", bytes(u.rssBytes()), "the summed size of the buffers it references")
                    .add("PSS", bytes(u.pssBytes()), "each buffer's size divided by the processes referencing it");
        }
        List<DrmClient> clients = index.clientsOf(pid);
        if (!clients.isEmpty()) {
            b.category("DRM files");
            for (DrmClient c : clients) {
                b.add("fd " + c.fd(), c.node() + " on " + index.deviceLabel(c.deviceId())
                        + (c.clientId() == null ? "" : ", client " + c.clientId()));
            }
        }
        List<Holder> fds = index.holdersOf(pid).stream().filter(h -> h.kind() == Holder.Kind.DMABUF).toList();
        if (!fds.isEmpty()) {
            b.category("dma-buf fds");
            fds.forEach(h -> b.add("fd " + h.fd(), h.dmaBufKey() == null ? h.target() : h.dmaBufKey()));
        }
        List<Mapping> maps = index.mappingsOf(pid);
        if (!maps.isEmpty()) {
            b.category("Mappings");
            int n = 1;
            for (Mapping m : maps) {
                b.add("#" + n++ + " " + m.kind().name().toLowerCase(), mapping(m)
                        + (m.dmaBufKey() == null ? "" : " " + m.dmaBufKey()) + (m.node() == null ? "" : " " + m.node()));
            }
        }
        return b.build();
    }

    public Details device(DrmDevice d) {
        Details.Builder b = Details.builder("Device " + index.deviceLabel(d.id()))
                .add("id", d.id())
                .add("driver", d.driver())
                .add("driver version", d.driverVersion())
                .add("driver date", d.driverDate())
                .add("driver description", d.driverDesc())
                .add("bus id", d.busId())
                .add("debugfs", d.debugfsDir() == null ? "not readable" : d.debugfsDir());
        if (d.pci() != null) {
            DrmDevice.PciInfo p = d.pci();
            b.category("PCI").add("address", p.address()).add("vendor:device", p.vendor() + ":" + p.device())
                    .add("subsystem", p.subsystemVendor() + ":" + p.subsystemDevice())
                    .add("revision", p.revision()).add("class", p.pciClass());
        }
        b.category("Nodes");
        d.minors().forEach(m -> b.add(m.name(), m.kind().name().toLowerCase() + ", minor " + m.minor()));
        DeviceCounts s = new DeviceCounts(index);
        b.category("In this snapshot")
                .add("DRM clients", s.clients(d.id()))
                .add("GEM objects", s.objects(d.id()))
                .add("dma-bufs exported", s.exported(d.id()))
                .add("dma-bufs attached", s.attached(d.id()));
        return b.build();
    }

    public Details failure(FailedOperation f) {
        return Details.builder("Failed " + f.operation())
                .add("time", f.time())
                .add("process", f.pid() == null ? f.comm() : index.processLabel(f.pid()))
                .add("device", index.deviceLabel(f.deviceId()))
                .add("operation", f.operation())
                .add("object", f.objectRef())
                .add("error", f.errnoName() + " (" + f.errno() + ")")
                .add("seen by", f.source())
                .add("explanation", f.explanation())
                .add("by design", f.expectedByDesign() == null ? "unknown"
                        : f.expectedByDesign() ? "yes: the kernel refuses this on purpose" : "no: misuse or a bug")
                .build();
    }

    /** A probe rule's result; needs no index (the device is named in the row). */
    public static Details probe(ProbeResult r) {
        return Details.builder("Probe rule " + r.ruleId() + " on " + r.device())
                .add("rule", r.title())
                .add("outcome", r.outcome().name())
                .add("expected", r.expected())
                .add("observed", r.observed())
                .add("why", r.reason())
                .add("source", r.citation())
                .build();
    }

    /** Generic key/value details (diff rows and the like). */
    public static Details of(String title, Map<String, String> values) {
        Details.Builder b = Details.builder(title);
        values.forEach(b::add);
        return b.build();
    }

    /** Counts per device. */
    private record DeviceCounts(SnapshotIndex index) {
        long clients(String id) {
            return index.snapshot().clients().stream().filter(c -> id.equals(c.deviceId())).count();
        }

        long objects(String id) {
            return index.snapshot().gemObjects().stream().filter(o -> id.equals(o.deviceId())).count();
        }

        long exported(String id) {
            return index.snapshot().dmaBufs().stream().filter(b -> id.equals(b.exporterDeviceId())).count();
        }

        long attached(String id) {
            return index.snapshot().attachments().stream()
                    .filter(a -> id.equals(a.deviceId()) || id.equals(a.deviceName()))
                    .map(Attachment::dmaBufKey).distinct().count();
        }
    }
}
