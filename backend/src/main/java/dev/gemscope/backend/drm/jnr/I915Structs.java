package dev.gemscope.backend.drm.jnr;

import jnr.ffi.NativeType;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * The {@code include/uapi/drm/i915_drm.h} structs gemscope passes, in header order with the
 * header's member names (kernel-interfaces.md §5.4). Checked against the header by the ABI test,
 * which is the only verification i915 gets on machines without Intel graphics.
 */
final class I915Structs {

    private I915Structs() {
    }

    /**
     * {@code param} then a user pointer to the {@code int} the kernel writes; C has no named member
     * for the 4 bytes in between, jnr pads to the pointer's alignment just as the compiler does.
     */
    @CStruct(value = "struct drm_i915_getparam", header = "i915_drm.h")
    static final class DrmI915GetparamStruct extends Struct {
        public final Signed32 param = new Signed32();
        public final Pointer value = new Pointer();

        DrmI915GetparamStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_create", header = "i915_drm.h")
    static final class DrmI915GemCreateStruct extends Struct {
        public final Unsigned64 size = new Unsigned64();
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 pad = new Unsigned32();

        DrmI915GemCreateStruct(Runtime runtime) {
            super(runtime);
        }
    }

    /** PREAD and PWRITE share this layout ({@code data_ptr} is a user address as {@code __u64}). */
    @CStruct(value = "struct drm_i915_gem_pread", header = "i915_drm.h")
    static final class DrmI915GemPreadStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 pad = new Unsigned32();
        public final Unsigned64 offset = new Unsigned64();
        public final Unsigned64 size = new Unsigned64();
        public final Unsigned64 data_ptr = new Unsigned64();

        DrmI915GemPreadStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_pwrite", header = "i915_drm.h")
    static final class DrmI915GemPwriteStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 pad = new Unsigned32();
        public final Unsigned64 offset = new Unsigned64();
        public final Unsigned64 size = new Unsigned64();
        public final Unsigned64 data_ptr = new Unsigned64();

        DrmI915GemPwriteStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_mmap", header = "i915_drm.h")
    static final class DrmI915GemMmapStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 pad = new Unsigned32();
        public final Unsigned64 offset = new Unsigned64();
        public final Unsigned64 size = new Unsigned64();
        /** Out: the address the kernel mapped the object at in our address space. */
        public final Unsigned64 addr_ptr = new Unsigned64();
        public final Unsigned64 flags = new Unsigned64();

        DrmI915GemMmapStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_mmap_gtt", header = "i915_drm.h")
    static final class DrmI915GemMmapGttStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 pad = new Unsigned32();
        public final Unsigned64 offset = new Unsigned64();

        DrmI915GemMmapGttStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_mmap_offset", header = "i915_drm.h")
    static final class DrmI915GemMmapOffsetStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 pad = new Unsigned32();
        public final Unsigned64 offset = new Unsigned64();
        public final Unsigned64 flags = new Unsigned64();
        public final Unsigned64 extensions = new Unsigned64();

        DrmI915GemMmapOffsetStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_set_domain", header = "i915_drm.h")
    static final class DrmI915GemSetDomainStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 read_domains = new Unsigned32();
        public final Unsigned32 write_domain = new Unsigned32();

        DrmI915GemSetDomainStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_busy", header = "i915_drm.h")
    static final class DrmI915GemBusyStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 busy = new Unsigned32();

        DrmI915GemBusyStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_get_tiling", header = "i915_drm.h")
    static final class DrmI915GemGetTilingStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 tiling_mode = new Unsigned32();
        public final Unsigned32 swizzle_mode = new Unsigned32();
        public final Unsigned32 phys_swizzle_mode = new Unsigned32();

        DrmI915GemGetTilingStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_caching", header = "i915_drm.h")
    static final class DrmI915GemCachingStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 caching = new Unsigned32();

        DrmI915GemCachingStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_madvise", header = "i915_drm.h")
    static final class DrmI915GemMadviseStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 madv = new Unsigned32();
        public final Unsigned32 retained = new Unsigned32();

        DrmI915GemMadviseStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_get_aperture", header = "i915_drm.h")
    static final class DrmI915GemGetApertureStruct extends Struct {
        public final Unsigned64 aper_size = new Unsigned64();
        public final Unsigned64 aper_available_size = new Unsigned64();

        DrmI915GemGetApertureStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_query", header = "i915_drm.h")
    static final class DrmI915QueryStruct extends Struct {
        public final Unsigned32 num_items = new Unsigned32();
        public final Unsigned32 flags = new Unsigned32();
        public final Unsigned64 items_ptr = new Unsigned64();

        DrmI915QueryStruct(Runtime runtime) {
            super(runtime);
        }
    }

    /**
     * {@code length}: in 0 asks for the needed size; out is the size, or a negative errno for this
     * item alone (the ioctl itself still succeeds).
     */
    @CStruct(value = "struct drm_i915_query_item", header = "i915_drm.h")
    static final class DrmI915QueryItemStruct extends Struct {
        public final Unsigned64 query_id = new Unsigned64();
        public final Signed32 length = new Signed32();
        public final Unsigned32 flags = new Unsigned32();
        public final Unsigned64 data_ptr = new Unsigned64();

        DrmI915QueryItemStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_i915_gem_memory_class_instance", header = "i915_drm.h")
    static final class DrmI915GemMemoryClassInstanceStruct extends Struct {
        public final Unsigned16 memory_class = new Unsigned16();
        public final Unsigned16 memory_instance = new Unsigned16();

        DrmI915GemMemoryClassInstanceStruct(Runtime runtime) {
            super(runtime);
        }
    }

    /**
     * The header of the MEMORY_REGIONS answer; {@code num_regions} records of
     * {@link DrmI915MemoryRegionInfoStruct} follow it ({@code regions[]}, a flexible array member,
     * so it has no jnr field: its offset is this struct's size).
     */
    @CStruct(value = "struct drm_i915_query_memory_regions", header = "i915_drm.h")
    static final class DrmI915QueryMemoryRegionsStruct extends Struct {
        public final Unsigned32 num_regions = new Unsigned32();
        public final Unsigned32[] rsvd = array(new Unsigned32[3]);

        DrmI915QueryMemoryRegionsStruct(Runtime runtime) {
            super(runtime);
        }
    }

    /**
     * The header ends in {@code union { __u64 rsvd1[8]; struct { probed_cpu_visible_size;
     * unallocated_cpu_visible_size; }; }} (the named pair since ≈6.0). jnr has no anonymous unions,
     * so the named view is declared and the rest of {@code rsvd1} is unnamed padding; the ABI test
     * checks both named members and the total size.
     */
    @CStruct(value = "struct drm_i915_memory_region_info", header = "i915_drm.h")
    static final class DrmI915MemoryRegionInfoStruct extends Struct {
        public final DrmI915GemMemoryClassInstanceStruct region =
                inner(new DrmI915GemMemoryClassInstanceStruct(getRuntime()));
        public final Unsigned32 rsvd0 = new Unsigned32();
        public final Unsigned64 probed_size = new Unsigned64();
        public final Unsigned64 unallocated_size = new Unsigned64();
        public final Unsigned64 probed_cpu_visible_size = new Unsigned64();
        public final Unsigned64 unallocated_cpu_visible_size = new Unsigned64();
        @SuppressWarnings("unused")
        private final Padding rsvd1Rest = new Padding(NativeType.ULONGLONG, 6);

        DrmI915MemoryRegionInfoStruct(Runtime runtime) {
            super(runtime);
        }
    }
}
