package dev.gemscope.backend.parse.proc;

/**
 * One {@code /proc/PID/maps} line that maps GPU memory, as printed by {@code fs/proc/task_mmu.c:
 * show_map_vma()}.
 *
 * @param start first address
 * @param end address after the last byte
 * @param perms {@code rwxp}/{@code rwxs}, four characters
 * @param offset byte offset into the file ({@code vm_pgoff << PAGE_SHIFT}): for dma-bufs an
 *     offset into the buffer; for DRM node and {@code i915.gem} mappings the GEM fake offset
 * @param devMajor major of the mapped file's superblock (not the char device's rdev)
 * @param devMinor minor of the mapped file's superblock
 * @param inode the mapped inode; for {@link Kind#DMA_BUF} the dma-buf's inode, equal to the
 *     bufinfo and fdinfo {@code ino}. Above {@code Long.MAX_VALUE} kept as the bit pattern
 * @param path the path column, padding removed
 * @param kind what is mapped
 * @param name dma-buf name ({@code ""} if unnamed), DRM node name, or shmem file name
 *     ({@code i915}, {@code drm mm object}, {@code i915-shmem-tt}); {@code ""} otherwise
 * @param deleted the path ended in {@code " (deleted)"}
 * @param gemFakeOffset a DRM node or {@code i915.gem} mapping whose offset lies in the GEM fake
 *     offset range, so it equals the object's MAP_DUMB / MMAP_OFFSET / MMAP_GTT offset
 */
public record GpuMapping(long start, long end, String perms, long offset, int devMajor, int devMinor, long inode,
        String path, Kind kind, String name, boolean deleted, boolean gemFakeOffset) {

    /** What a GPU-related mapping maps. */
    public enum Kind {
        /** {@code /dmabuf:NAME} (5.3+): a dma-buf, mapped directly or through an imported GEM object. */
        DMA_BUF,
        /** {@code anon_inode:dmabuf} (3.3 – 5.2). */
        DMA_BUF_ANON,
        /** {@code /dev/dri/cardN} or {@code renderDN}: a GEM mmap through a DRM fd (fake offset). */
        DRM_NODE,
        /**
         * {@code anon_inode:i915.gem}: i915 GTT / MMAP_OFFSET / dumb maps; since ≈5.5/5.7 i915 swaps
         * {@code vm_file} to a per-device singleton ({@code i915_gem_mman.c: mmap_singleton()}).
         */
        I915_GEM,
        /**
         * A shmem-backed GEM object mapped through its shmem file: {@code /i915 (deleted)} (legacy
         * I915_GEM_MMAP, or mmap of an i915-exported dma-buf on an iGPU), {@code /drm mm object
         * (deleted)} ({@code drm_gem_object_init()}), {@code i915-shmem-tt} (i915 TTM system objects).
         */
        SHMEM_GEM
    }

    /** Length in bytes. */
    public long size() {
        return end - start;
    }

    /** True for a MAP_SHARED mapping ({@code s} in the fourth perms column). */
    public boolean shared() {
        return perms.length() == 4 && perms.charAt(3) == 's';
    }
}
