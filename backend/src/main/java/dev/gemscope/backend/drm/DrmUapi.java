package dev.gemscope.backend.drm;

/**
 * Constants from {@code include/uapi/drm/drm.h}, named exactly as there so the ABI test can check
 * every value against the header (kernel-interfaces.md §5.3). Only what gemscope passes or decodes.
 */
public final class DrmUapi {

    // GET_CAP capabilities (drm.h). The list at 6.1 ends at 0x14; later ones are left out because
    // the ABI test must be able to compile every name against the installed headers.
    public static final long DRM_CAP_DUMB_BUFFER = 0x1;
    public static final long DRM_CAP_VBLANK_HIGH_CRTC = 0x2;
    public static final long DRM_CAP_DUMB_PREFERRED_DEPTH = 0x3;
    public static final long DRM_CAP_DUMB_PREFER_SHADOW = 0x4;
    public static final long DRM_CAP_PRIME = 0x5;
    public static final long DRM_CAP_TIMESTAMP_MONOTONIC = 0x6;
    public static final long DRM_CAP_ASYNC_PAGE_FLIP = 0x7;
    public static final long DRM_CAP_CURSOR_WIDTH = 0x8;
    public static final long DRM_CAP_CURSOR_HEIGHT = 0x9;
    public static final long DRM_CAP_ADDFB2_MODIFIERS = 0x10;
    public static final long DRM_CAP_PAGE_FLIP_TARGET = 0x11;
    public static final long DRM_CAP_CRTC_IN_VBLANK_EVENT = 0x12;
    public static final long DRM_CAP_SYNCOBJ = 0x13;
    public static final long DRM_CAP_SYNCOBJ_TIMELINE = 0x14;

    /**
     * DRM_CAP_PRIME value bits. Up to about 6.5 they say which prime hooks the driver has
     * ({@code drm_ioctl.c: drm_getcap()}); from about 6.6 both are always set.
     */
    public static final long DRM_PRIME_CAP_IMPORT = 0x1;
    public static final long DRM_PRIME_CAP_EXPORT = 0x2;

    // SET_CLIENT_CAP capabilities.
    public static final long DRM_CLIENT_CAP_STEREO_3D = 1;
    public static final long DRM_CLIENT_CAP_UNIVERSAL_PLANES = 2;
    public static final long DRM_CLIENT_CAP_ATOMIC = 3;
    public static final long DRM_CLIENT_CAP_ASPECT_RATIO = 4;
    public static final long DRM_CLIENT_CAP_WRITEBACK_CONNECTORS = 5;

    /** PRIME_HANDLE_TO_FD flags: the dma-buf fd gets O_CLOEXEC (drm.h: {@code O_CLOEXEC}). */
    public static final int DRM_CLOEXEC = 02000000;
    /** PRIME_HANDLE_TO_FD flags: the dma-buf file is O_RDWR, so it can be mapped writable (≈4.6+). */
    public static final int DRM_RDWR = 02;

    private DrmUapi() {
    }
}
