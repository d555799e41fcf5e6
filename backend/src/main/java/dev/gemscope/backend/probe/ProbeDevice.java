package dev.gemscope.backend.probe;

import dev.gemscope.backend.drm.DrmNode;

/**
 * One DRM device as the probe sees it: its card and render nodes (either may be missing) and the
 * DRM driver that answered DRM_IOCTL_VERSION.
 *
 * @param id the parent device: PCI address or platform/faux name ({@code vgem}), as bufinfo's
 *     attachment lines print it; the node path when sysfs named no parent
 * @param driver the DRM driver name ({@code vgem}, {@code virtio_gpu}, {@code i915}); {@code ?} if
 *     no node could be opened
 * @param card the primary node, or null
 * @param render the render node, or null
 * @param openProblem why no node could be opened (e.g. {@code EACCES}), or null
 */
public record ProbeDevice(String id, String driver, DrmNode card, DrmNode render, String openProblem) {

    /** {@code vgem} or {@code virtio_gpu 0000:00:02.0}: what the DEVICE column shows. */
    public String label() {
        return id.equals(driver) ? driver : driver + " " + id;
    }

    /** True if this is an Intel i915 device. */
    public boolean isI915() {
        return "i915".equals(driver);
    }
}
