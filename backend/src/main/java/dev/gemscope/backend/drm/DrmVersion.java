package dev.gemscope.backend.drm;

/**
 * DRM_IOCTL_VERSION's answer ({@code struct drm_version}).
 *
 * @param major {@code version_major}
 * @param minor {@code version_minor}
 * @param patchlevel {@code version_patchlevel}
 * @param name the driver name: {@code i915}, {@code vgem}, {@code virtio_gpu}
 * @param date the driver date string, e.g. {@code 20120112}
 * @param desc the description, e.g. {@code Virtual GEM provider}
 */
public record DrmVersion(int major, int minor, int patchlevel, String name, String date, String desc) {

    /** {@code major.minor.patchlevel}. */
    public String version() {
        return major + "." + minor + "." + patchlevel;
    }
}
