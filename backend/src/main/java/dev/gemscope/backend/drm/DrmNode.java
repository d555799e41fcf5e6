package dev.gemscope.backend.drm;

import dev.gemscope.backend.parse.drm.DrmNodeName;

/**
 * One DRM device node.
 *
 * @param path the device path, e.g. {@code /dev/dri/renderD128}
 * @param kind card (primary), control or render node
 * @param minor the minor number (the number in the name)
 * @param parent the parent device from sysfs: a PCI address ({@code 0000:00:02.0}) or a platform
 *     or faux device name ({@code vgem}); empty if sysfs did not say
 * @param parentDriver the driver sysfs shows bound to the parent device: {@code i915} for Intel
 *     graphics, but {@code virtio-pci} for virtio-gpu (whose DRM driver {@code virtio_gpu} sits on the
 *     virtio bus below the PCI function), empty for vgem's platform device (6.x) and
 *     {@code faux_driver} for its faux device (7.x). Not the DRM driver name: that is
 *     {@link DrmFile#version()}'s {@code name}.
 * @param pci whether the parent is a PCI function
 */
public record DrmNode(String path, DrmNodeName.Kind kind, long minor, String parent, String parentDriver,
        boolean pci) {

    /** True for {@code renderDN}: no KMS, no flink, only DRM_RENDER_ALLOW ioctls. */
    public boolean isRender() {
        return kind == DrmNodeName.Kind.RENDER;
    }

    /** True for {@code cardN}. */
    public boolean isPrimary() {
        return kind == DrmNodeName.Kind.PRIMARY;
    }
}
