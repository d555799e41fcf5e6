package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.parse.proc.DmaBufFdInfo;
import dev.gemscope.backend.parse.proc.FdInfo;
import dev.gemscope.backend.parse.proc.GpuMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Ties fds and mappings to dma-bufs. The key is the dma-buf inode: fdinfo {@code ino:} (5.14+), the
 * maps inode column (5.3+), or stat() on the fd link (live only). Without an inode (5.3 – 5.13 in a
 * capture) an fd is matched by (size, exporter, name) when exactly one listed buffer fits; before
 * 5.3 dma-buf fds carry no identity at all, and the visibility report says so.
 */
final class BufferJoin {

    private final Map<String, DmaBuf> buffers = new LinkedHashMap<>();
    private final boolean systemWide;
    private final SourceLog log;
    private final List<Holder> holders = new ArrayList<>();
    private final List<Mapping> mappings = new ArrayList<>();

    BufferJoin(DmaBufSource.Listing listing, SourceLog log) {
        for (DmaBufSource.Listed l : listing.buffers()) {
            buffers.put(l.buf().key(), l.buf());
        }
        this.systemWide = listing.systemWide();
        this.log = log;
    }

    /** Adds a process's dma-buf fds as holders. {@code statInode} is the live-only fallback. */
    void addDmaBufFd(int pid, ScannedProcess.ScannedFd fd, OptionalLong statInode) {
        Optional<FdInfo> info = fd.info();
        OptionalLong ino = info.map(i -> i.header().ino()).orElse(OptionalLong.empty());
        if (ino.isEmpty()) {
            ino = statInode;
        }
        Optional<DmaBufFdInfo> dma = info.flatMap(FdInfo::dmaBuf);
        String key = null;
        if (ino.isPresent()) {
            key = "ino:" + Long.toUnsignedString(ino.getAsLong());
            if (!buffers.containsKey(key) && dma.isPresent()) {
                // Not in the system-wide list (no debugfs, or created after it was read): known from fdinfo.
                DmaBufFdInfo d = dma.get();
                buffers.put(key, new DmaBuf(key, ino.getAsLong(), d.size().orElse(0), d.exporter(), d.name().orElse(null),
                        d.count().isPresent() ? d.count().getAsLong() : null, null, null, List.of(), null));
            }
        } else if (dma.isPresent()) {
            key = uniqueMatch(dma.get());
            if (key == null) {
                log.missing("dma-buf holders", "which buffer some dma-buf fds refer to",
                        "fdinfo has no ino: line before 5.14 and several buffers look alike", "collect live (stat() gives the inode)");
            }
        } else {
            log.missing("dma-buf holders", "which buffer each dma-buf fd refers to",
                    "kernels before 5.3 give dma-buf fds no inode or fdinfo", "");
        }
        Integer flags = info.flatMap(i -> boxed(i.header().flags())).map(Long::intValue).orElse(null);
        holders.add(new Holder(pid, fd.fd(), Holder.Kind.DMABUF, fd.link().target(), key, null, null, flags));
    }

    private String uniqueMatch(DmaBufFdInfo d) {
        String found = null;
        for (DmaBuf b : buffers.values()) {
            boolean same = d.size().isPresent() && d.size().getAsLong() == b.size() && d.exporter().equals(b.exporter())
                    && d.name().orElse("").equals(b.name() == null ? "" : b.name());
            if (same) {
                if (found != null) {
                    return null;
                }
                found = b.key();
            }
        }
        return found;
    }

    void addHolder(Holder holder) {
        holders.add(holder);
    }

    /** Adds a mapping; dma-buf mappings are keyed by the maps inode column (5.3+). */
    void addMapping(int pid, GpuMapping m, String node) {
        Mapping.Kind kind = switch (m.kind()) {
            case DMA_BUF, DMA_BUF_ANON -> Mapping.Kind.DMABUF;
            case DRM_NODE -> Mapping.Kind.DRM_NODE;
            case I915_GEM -> Mapping.Kind.I915_GEM;
            case SHMEM_GEM -> Mapping.Kind.SHMEM_GEM;
        };
        String key = null;
        if (m.kind() == GpuMapping.Kind.DMA_BUF) {
            key = "ino:" + Long.toUnsignedString(m.inode());
            if (!buffers.containsKey(key)) {
                // Mapped but no longer (or never visibly) held by an fd; its size is at least the mapping's.
                buffers.put(key, new DmaBuf(key, m.inode(), m.size(), "?", m.name().isEmpty() ? null : m.name(),
                        null, null, null, List.of(), null));
                if (systemWide) {
                    log.warning("/proc/" + pid + "/maps", "maps a dma-buf (ino " + m.inode() + ") that bufinfo did not list");
                }
            }
        } else if (m.kind() == GpuMapping.Kind.DMA_BUF_ANON) {
            log.missing("dma-buf mappings", "which buffer each mapping shows",
                    "kernels before 5.3 map every dma-buf as anon_inode:dmabuf", "");
        }
        mappings.add(new Mapping(pid, m.start(), m.end(), m.perms(), m.offset(), kind, key, node, m.gemFakeOffset(), m.path()));
    }

    List<DmaBuf> buffers() {
        return List.copyOf(buffers.values());
    }

    DmaBuf buffer(String key) {
        return buffers.get(key);
    }

    void replace(DmaBuf updated) {
        buffers.put(updated.key(), updated);
    }

    List<Holder> holders() {
        return List.copyOf(holders);
    }

    List<Mapping> mappings() {
        return List.copyOf(mappings);
    }

    private static Optional<Long> boxed(OptionalLong v) {
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }
}
