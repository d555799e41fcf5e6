package dev.gemscope.backend.drm.jnr;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * The {@code include/uapi/drm/drm.h} and {@code drm_mode.h} structs gemscope passes, member by
 * member in header order with the header's names (layouts in kernel-interfaces.md §5.2, identical
 * from 5.10 to 7.3). jnr aligns each member naturally, as the C compiler does on LP64; the ABI test
 * compares every offset and size with gcc's.
 */
final class DrmStructs {

    private DrmStructs() {
    }

    @CStruct(value = "struct drm_version", header = "drm.h")
    static final class DrmVersionStruct extends Struct {
        public final Signed32 version_major = new Signed32();
        public final Signed32 version_minor = new Signed32();
        public final Signed32 version_patchlevel = new Signed32();
        /** {@code __kernel_size_t}: in = buffer size, out = full string length. */
        public final size_t name_len = new size_t();
        public final Pointer name = new Pointer();
        public final size_t date_len = new size_t();
        public final Pointer date = new Pointer();
        public final size_t desc_len = new size_t();
        public final Pointer desc = new Pointer();

        DrmVersionStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_unique", header = "drm.h")
    static final class DrmUniqueStruct extends Struct {
        public final size_t unique_len = new size_t();
        public final Pointer unique = new Pointer();

        DrmUniqueStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_gem_close", header = "drm.h")
    static final class DrmGemCloseStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 pad = new Unsigned32();

        DrmGemCloseStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_gem_flink", header = "drm.h")
    static final class DrmGemFlinkStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        /** Out: the global name. */
        public final Unsigned32 name = new Unsigned32();

        DrmGemFlinkStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_gem_open", header = "drm.h")
    static final class DrmGemOpenStruct extends Struct {
        public final Unsigned32 name = new Unsigned32();
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned64 size = new Unsigned64();

        DrmGemOpenStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_get_cap", header = "drm.h")
    static final class DrmGetCapStruct extends Struct {
        public final Unsigned64 capability = new Unsigned64();
        public final Unsigned64 value = new Unsigned64();

        DrmGetCapStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_set_client_cap", header = "drm.h")
    static final class DrmSetClientCapStruct extends Struct {
        public final Unsigned64 capability = new Unsigned64();
        public final Unsigned64 value = new Unsigned64();

        DrmSetClientCapStruct(Runtime runtime) {
            super(runtime);
        }
    }

    /** Both PRIME ioctls: HANDLE_TO_FD fills {@code fd}, FD_TO_HANDLE fills {@code handle}. */
    @CStruct(value = "struct drm_prime_handle", header = "drm.h")
    static final class DrmPrimeHandleStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 flags = new Unsigned32();
        public final Signed32 fd = new Signed32();

        DrmPrimeHandleStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_mode_create_dumb", header = "drm_mode.h")
    static final class DrmModeCreateDumbStruct extends Struct {
        public final Unsigned32 height = new Unsigned32();
        public final Unsigned32 width = new Unsigned32();
        public final Unsigned32 bpp = new Unsigned32();
        public final Unsigned32 flags = new Unsigned32();
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 pitch = new Unsigned32();
        public final Unsigned64 size = new Unsigned64();

        DrmModeCreateDumbStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_mode_map_dumb", header = "drm_mode.h")
    static final class DrmModeMapDumbStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 pad = new Unsigned32();
        /** Out: the fake offset for mmap on the DRM fd. */
        public final Unsigned64 offset = new Unsigned64();

        DrmModeMapDumbStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_mode_destroy_dumb", header = "drm_mode.h")
    static final class DrmModeDestroyDumbStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();

        DrmModeDestroyDumbStruct(Runtime runtime) {
            super(runtime);
        }
    }
}
