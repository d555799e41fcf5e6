package dev.gemscope.backend.parse.proc;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A classified {@code /proc/PID/fd/N} link target (or the path column of a maps line).
 *
 * @param target the link text as read
 * @param kind what the target names
 * @param name for {@link Kind#DMA_BUF}: the dma-buf name ({@code ""} when unnamed; may contain
 *     spaces); for {@link Kind#DRM_NODE}: the node name ({@code renderD128}); for
 *     {@link Kind#DMA_HEAP}: the heap name; otherwise {@code ""}
 * @param nodeKind for {@link Kind#DRM_NODE}: primary, render or control, when the name says
 * @param minor for {@link Kind#DRM_NODE}: the device minor (major is 226), read from the name
 * @param deleted the target ended in {@code " (deleted)"} (e.g. a device node removed on unplug)
 */
public record FdLink(String target, Kind kind, String name, Optional<DrmNodeKind> nodeKind, OptionalInt minor,
        boolean deleted) {

    /** What an fd link target names. */
    public enum Kind {
        /**
         * {@code /dmabuf:NAME}: a dma-buf on kernels 5.3+, where each buffer has its own inode
         * and {@code dma-buf.c: dmabuffs_dname()} prints {@code "/%s:%s"} with the dentry name
         * {@code dmabuf} and the (possibly empty) buffer name.
         */
        DMA_BUF,
        /** {@code anon_inode:dmabuf}: a dma-buf on kernels 3.3 – 5.2 (one shared anon inode). */
        DMA_BUF_ANON,
        /** {@code /dev/dri/…}: an opened DRM device node. */
        DRM_NODE,
        /** {@code anon_inode:sync_file}: an explicit-sync fence fd. */
        SYNC_FILE,
        /** {@code /dev/dma_heap/NAME}: a dma-heap allocator device (5.6+). */
        DMA_HEAP,
        /** {@code /dev/udmabuf}: the udmabuf allocator device (4.20+). */
        UDMABUF,
        /** Anything else. */
        OTHER
    }

    /**
     * DRM minor types, named by {@code drm_sysfs.c}: {@code card%d}, {@code controlD%d},
     * {@code renderD%d}, each with the minor number itself; legacy ranges 0–63, 64–127, 128–191.
     */
    public enum DrmNodeKind {
        PRIMARY,
        /** Control nodes were never usable and are gone from new kernels; still recognised. */
        CONTROL,
        RENDER
    }

    /** True for both dma-buf spellings. */
    public boolean isDmaBuf() {
        return kind == Kind.DMA_BUF || kind == Kind.DMA_BUF_ANON;
    }
}
