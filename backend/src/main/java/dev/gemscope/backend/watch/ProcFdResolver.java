package dev.gemscope.backend.watch;

import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.parse.proc.FdInfo;
import dev.gemscope.backend.parse.proc.FdInfoParser;
import dev.gemscope.backend.parse.proc.FdLink;
import dev.gemscope.backend.parse.proc.FdLinkParser;
import dev.gemscope.backend.parse.proc.ProcStatus;
import dev.gemscope.backend.parse.proc.ProcStatusParser;
import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resolves fds through {@code /proc/TID/status} (the thread's process), {@code /proc/TID/fd/N} (what
 * the fd is) and {@code /proc/TID/fdinfo/N} (dma-buf inode, exporter, size; DRM driver where the
 * kernel prints {@code drm-driver}). {@code /proc/TID} works for any thread although only process
 * directories are listed. DRM nodes are mapped to devices with the device list of a collection.
 *
 * <p>The lookup happens when the failure is read, shortly after the call: the fd may have been closed
 * (or even reused) and the process may have exited by then. Both are said in the note.
 */
public final class ProcFdResolver implements FdResolver {

    private final SystemRoot root;
    private final Map<String, DrmDevice> byNode = new HashMap<>();

    public ProcFdResolver(SystemRoot root, List<DrmDevice> devices) {
        this.root = root;
        for (DrmDevice d : devices) {
            for (DrmDevice.DrmMinor m : d.minors()) {
                byNode.put(m.name(), d);
            }
        }
    }

    @Override
    public FdTarget resolve(int tid, long fd) {
        String dir = "/proc/" + tid;
        ReadResult status = root.read(dir + "/status", 64 * 1024);
        if (!status.ok()) {
            return FdTarget.unknown(null, null, "thread " + tid + " exited before its fd " + fd + " could be read ("
                    + status.status().name().toLowerCase() + ")");
        }
        ProcStatus s = ProcStatusParser.parse(status.text(), status.path());
        Integer pid = s.tgid().isPresent() ? (int) s.tgid().getAsLong() : null;
        String comm = s.name();
        if (pid != null && pid != tid) {
            // status names the thread; the process's name is the main thread's.
            ReadResult main = root.read("/proc/" + pid + "/comm", 4096);
            comm = main.ok() ? main.text().strip() : comm;
        }
        ReadResult link = root.readLink(dir + "/fd/" + fd);
        if (!link.ok()) {
            return FdTarget.unknown(pid, comm, "fd " + fd + " was closed before it could be read ("
                    + link.status().name().toLowerCase() + ")");
        }
        FdLink l = FdLinkParser.parse(link.text());
        ReadResult infoText = root.read(dir + "/fdinfo/" + fd, 64 * 1024);
        Optional<FdInfo> info = infoText.ok() ? Optional.of(FdInfoParser.parse(infoText.text(), infoText.path()))
                : Optional.empty();
        switch (l.kind()) {
            case DRM_NODE -> {
                DrmDevice d = byNode.get(l.name());
                String driver = d != null && d.driver() != null ? d.driver()
                        : info.flatMap(FdInfo::drm).map(c -> c.driver()).filter(x -> !x.isEmpty()).orElse(null);
                return new FdTarget(pid, comm, FdTarget.Kind.DRM, l.target(), d != null ? d.id() : null, driver, l.name(),
                        null, null, null, d == null ? "node " + l.name() + " is not in the device list read at start" : null);
            }
            case DMA_BUF, DMA_BUF_ANON -> {
                OptionalLong ino = info.map(i -> i.header().ino()).orElse(OptionalLong.empty());
                if (ino.isEmpty()) {
                    ino = root.statInode(dir + "/fd/" + fd);
                }
                String exporter = info.flatMap(FdInfo::dmaBuf).map(b -> b.exporter()).orElse(null);
                OptionalLong size = info.flatMap(FdInfo::dmaBuf).map(b -> b.size()).orElse(OptionalLong.empty());
                return new FdTarget(pid, comm, FdTarget.Kind.DMA_BUF, l.target(), null, null, null,
                        ino.isPresent() ? ino.getAsLong() : null, exporter, size.isPresent() ? size.getAsLong() : null,
                        info.isEmpty() ? "fdinfo unreadable: " + infoText.detail() : null);
            }
            case UDMABUF -> {
                return new FdTarget(pid, comm, FdTarget.Kind.UDMABUF, l.target(), null, null, null, null, null, null, null);
            }
            case DMA_HEAP -> {
                return new FdTarget(pid, comm, FdTarget.Kind.DMA_HEAP, l.target(), null, null, l.name(), null, null, null,
                        null);
            }
            default -> {
                return new FdTarget(pid, comm, FdTarget.Kind.OTHER, l.target(), null, null, null, null, null, null, null);
            }
        }
    }
}
