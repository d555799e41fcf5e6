package dev.gemscope.backend.drm;

/**
 * Constants from {@code include/uapi/drm/i915_drm.h}, named as there (kernel-interfaces.md §5.4).
 * The ABI test checks each value against the installed header.
 */
public final class I915Uapi {

    // I915_GETPARAM parameters (i915_getparam.c: i915_getparam_ioctl()).
    public static final int I915_PARAM_CHIPSET_ID = 4;
    public static final int I915_PARAM_HAS_GEM = 5;
    public static final int I915_PARAM_NUM_FENCES_AVAIL = 6;
    public static final int I915_PARAM_HAS_LLC = 17;
    public static final int I915_PARAM_HAS_ALIASING_PPGTT = 18;
    public static final int I915_PARAM_HAS_WT = 27;
    public static final int I915_PARAM_MMAP_VERSION = 30;
    public static final int I915_PARAM_REVISION = 32;
    public static final int I915_PARAM_HAS_EXEC_SOFTPIN = 37;
    /** 4 or more means I915_GEM_MMAP_OFFSET is available. */
    public static final int I915_PARAM_MMAP_GTT_VERSION = 40;
    public static final int I915_PARAM_HAS_SCHEDULER = 41;
    public static final int I915_PARAM_HAS_EXEC_FENCE = 44;
    public static final int I915_PARAM_HAS_CONTEXT_ISOLATION = 50;
    public static final int I915_PARAM_CS_TIMESTAMP_FREQUENCY = 51;
    public static final int I915_PARAM_HAS_EXEC_TIMELINE_FENCES = 55;
    public static final int I915_PARAM_HAS_USERPTR_PROBE = 56;

    /** Legacy I915_GEM_MMAP flag: write-combined CPU mapping. */
    public static final long I915_MMAP_WC = 0x1;

    // I915_GEM_MMAP_OFFSET flags (5.5+; FIXED 5.14+).
    public static final long I915_MMAP_OFFSET_GTT = 0;
    public static final long I915_MMAP_OFFSET_WC = 1;
    public static final long I915_MMAP_OFFSET_WB = 2;
    public static final long I915_MMAP_OFFSET_UC = 3;
    public static final long I915_MMAP_OFFSET_FIXED = 4;

    // Domains for I915_GEM_SET_DOMAIN.
    public static final int I915_GEM_DOMAIN_CPU = 0x1;
    public static final int I915_GEM_DOMAIN_RENDER = 0x2;
    public static final int I915_GEM_DOMAIN_SAMPLER = 0x4;
    public static final int I915_GEM_DOMAIN_COMMAND = 0x8;
    public static final int I915_GEM_DOMAIN_INSTRUCTION = 0x10;
    public static final int I915_GEM_DOMAIN_VERTEX = 0x20;
    public static final int I915_GEM_DOMAIN_GTT = 0x40;
    public static final int I915_GEM_DOMAIN_WC = 0x80;

    // Tiling and caching modes, madvise states.
    public static final int I915_TILING_NONE = 0;
    public static final int I915_TILING_X = 1;
    public static final int I915_TILING_Y = 2;
    public static final int I915_CACHING_NONE = 0;
    public static final int I915_CACHING_CACHED = 1;
    public static final int I915_CACHING_DISPLAY = 2;
    public static final int I915_MADV_WILLNEED = 0;
    public static final int I915_MADV_DONTNEED = 1;

    /** I915_QUERY item id for memory regions (5.14+). */
    public static final long DRM_I915_QUERY_MEMORY_REGIONS = 4;

    // enum drm_i915_gem_memory_class.
    public static final int I915_MEMORY_CLASS_SYSTEM = 0;
    public static final int I915_MEMORY_CLASS_DEVICE = 1;

    private I915Uapi() {
    }
}
