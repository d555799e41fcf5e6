package dev.gemscope.backend.drm.jnr;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/** The {@code include/uapi/drm/vgem_drm.h} structs (kernel-interfaces.md §5.5). */
final class VgemStructs {

    private VgemStructs() {
    }

    @CStruct(value = "struct drm_vgem_fence_attach", header = "vgem_drm.h")
    static final class DrmVgemFenceAttachStruct extends Struct {
        public final Unsigned32 handle = new Unsigned32();
        public final Unsigned32 flags = new Unsigned32();
        /** Out: the fence id for FENCE_SIGNAL. */
        public final Unsigned32 out_fence = new Unsigned32();
        /** Must be 0, or the kernel answers EINVAL. */
        public final Unsigned32 pad = new Unsigned32();

        DrmVgemFenceAttachStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct drm_vgem_fence_signal", header = "vgem_drm.h")
    static final class DrmVgemFenceSignalStruct extends Struct {
        public final Unsigned32 fence = new Unsigned32();
        public final Unsigned32 flags = new Unsigned32();

        DrmVgemFenceSignalStruct(Runtime runtime) {
            super(runtime);
        }
    }
}
