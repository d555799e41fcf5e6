package dev.gemscope.backend.drm;

/**
 * One {@code struct drm_i915_memory_region_info} from I915_QUERY MEMORY_REGIONS.
 *
 * @param memoryClass I915_MEMORY_CLASS_SYSTEM or _DEVICE
 * @param memoryInstance the instance within the class
 * @param probedSize bytes the driver found
 * @param unallocatedSize bytes free (an estimate; may be the probed size when not tracked)
 * @param probedCpuVisibleSize CPU-visible part of a device region (0 on kernels/headers before ≈6.0)
 * @param unallocatedCpuVisibleSize free CPU-visible bytes of a device region
 */
public record I915MemoryRegion(int memoryClass, int memoryInstance, long probedSize, long unallocatedSize,
        long probedCpuVisibleSize, long unallocatedCpuVisibleSize) {
}
