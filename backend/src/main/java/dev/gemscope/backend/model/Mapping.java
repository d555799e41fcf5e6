package dev.gemscope.backend.model;

/**
 * A CPU mapping of a buffer in a process's address space ({@code /proc/PID/maps}).
 *
 * @param pid the process
 * @param start first address
 * @param end address after the last byte
 * @param perms {@code rw-s} etc.
 * @param offset file offset in bytes; a GEM fake offset for DRM-node mappings
 * @param kind what is mapped
 * @param dmaBufKey for DMABUF: the buffer's key when matched by inode
 * @param node for DRM_NODE: the node name
 * @param fakeOffset the offset lies in the DRM fake-offset range (a GEM object mapped through a DRM fd)
 * @param path the maps path column, verbatim
 */
public record Mapping(int pid, long start, long end, String perms, long offset, Kind kind, String dmaBufKey,
        String node, boolean fakeOffset, String path) {

    /** What kind of object a mapping maps (kernel-interfaces.md §3). */
    public enum Kind {
        /** {@code mmap()} of a dma-buf, or of an imported GEM object redirected to it. */
        DMABUF,
        /** a GEM object mapped through {@code /dev/dri/*} with a fake offset. */
        DRM_NODE,
        /** i915 GTT / MMAP_OFFSET mapping through the {@code i915.gem} anon file. */
        I915_GEM,
        /** a shmem-backed GEM object mapped by the legacy CPU mmap ({@code /i915 (deleted)}). */
        SHMEM_GEM
    }

    public long length() {
        return end - start;
    }
}
