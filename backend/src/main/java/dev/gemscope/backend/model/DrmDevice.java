package dev.gemscope.backend.model;

import java.util.List;

/**
 * A DRM device: one driver instance with its card and render nodes.
 *
 * @param id stable key: the parent device name, i.e. the PCI address ({@code 0000:00:02.0}) or the
 *     platform/faux device name ({@code vgem}); this is also what dma-buf attachments print
 * @param driver the kernel driver name ({@code i915}, {@code vgem}, {@code virtio_gpu})
 * @param driverVersion from DRM_IOCTL_VERSION when the native layer ran; null otherwise
 * @param driverDate from DRM_IOCTL_VERSION; null otherwise
 * @param driverDesc from DRM_IOCTL_VERSION; null otherwise
 * @param busId the unique/bus id ({@code dri/N/name} {@code unique=}), or null
 * @param pci PCI identity for PCI devices; null for platform devices such as vgem
 * @param minors the card, render and control nodes of this device
 * @param debugfsDir the debugfs directory read for this device, or null if none was readable
 */
public record DrmDevice(
        String id,
        String driver,
        String driverVersion,
        String driverDate,
        String driverDesc,
        String busId,
        PciInfo pci,
        List<DrmMinor> minors,
        String debugfsDir) {

    public DrmDevice {
        minors = Lists.copy(minors);
    }

    /** PCI identity, from sysfs (hex strings as the kernel prints them, e.g. {@code 0x8086}). */
    public record PciInfo(String address, String vendor, String device, String subsystemVendor,
            String subsystemDevice, String revision, String pciClass) {
    }

    /**
     * One device node.
     *
     * @param name {@code card0}, {@code renderD128}, {@code controlD64}
     * @param kind PRIMARY, RENDER or CONTROL
     * @param minor the char-device minor (major is always 226)
     */
    public record DrmMinor(String name, Kind kind, int minor) {
        /** The three kinds of DRM minor. */
        public enum Kind { PRIMARY, RENDER, CONTROL }
    }
}
