package dev.gemscope.backend.drm;

/** Constants from {@code include/uapi/drm/vgem_drm.h} (kernel-interfaces.md §5.5). */
public final class VgemUapi {

    /** FENCE_ATTACH flag: attach as a write (exclusive) fence instead of a read fence. */
    public static final int VGEM_FENCE_WRITE = 0x1;

    private VgemUapi() {
    }
}
