package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.parse.drm.DrmNodeName;
import dev.gemscope.backend.parse.drm.DrmSysfsParser;
import dev.gemscope.backend.source.DrmSysfsReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The DRM devices of the machine, from {@code /sys/class/drm} (world-readable) refined by debugfs,
 * with look-ups by node name and by the device name dma-buf attachments print.
 */
final class DeviceCatalog {

    /**
     * Drivers that export with their own dma_buf_ops, so bufinfo shows their module name as exp_name
     * (i915_gem_dmabuf.c, virtgpu_prime.c, amdgpu_dma_buf.c, xe_dma_buf.c); every other GEM driver
     * exports through drm_gem_prime_export and shows {@code drm}.
     */
    private static final List<String> OWN_EXPORTERS = List.of("i915", "virtio_gpu", "amdgpu", "xe");

    private final Map<String, DrmDevice> byId = new LinkedHashMap<>();
    private final Map<String, String> idByNode = new LinkedHashMap<>();
    private final Map<Long, String> idByMinor = new LinkedHashMap<>();

    void addFromSysfs(DrmSysfsReader.Result sysfs) {
        for (DrmSysfsReader.Device d : sysfs.devices()) {
            List<DrmDevice.DrmMinor> minors = new ArrayList<>();
            for (DrmSysfsReader.Minor m : d.minors()) {
                long minor = m.devNumber().map(DrmSysfsParser.DevNumber::minor).orElse(m.node().index());
                minors.add(new DrmDevice.DrmMinor(m.node().name(), kind(m.node().kind()), (int) minor));
            }
            String id = d.parent().isEmpty() ? minors.isEmpty() ? "?" : minors.get(0).name() : d.parent();
            DrmDevice.PciInfo pci = d.pci() ? new DrmDevice.PciInfo(d.parent(), hex(d.pciIds().vendor(), 4),
                    hex(d.pciIds().device(), 4), hex(d.pciIds().subsystemVendor(), 4), hex(d.pciIds().subsystemDevice(), 4),
                    hex(d.pciIds().revision(), 2), hex(d.pciIds().pciClass(), 6)) : null;
            put(new DrmDevice(id, d.driver().isEmpty() ? null : d.driver(), null, null, null, null, pci, minors, null));
        }
    }

    /** Adds or refines a device from a debugfs directory. Returns the device id it belongs to. */
    String addFromDebugfs(DebugfsDir dir) {
        Optional<String> id = dir.deviceName().filter(byId::containsKey);
        if (id.isEmpty() && dir.minorIndex() >= 0) {
            id = Optional.ofNullable(idByMinor.get((long) dir.minorIndex()));
        }
        String driver = dir.name().map(n -> n.driver()).filter(s -> !s.isEmpty()).orElse(null);
        String unique = dir.name().flatMap(n -> n.unique()).orElse(null);
        if (id.isEmpty()) {
            // Seen in debugfs only (a capture without sysfs, or a device sysfs did not show).
            String newId = dir.deviceName().orElse(dir.path().substring(dir.path().lastIndexOf('/') + 1));
            List<DrmDevice.DrmMinor> minors = dir.minorIndex() >= 0
                    ? List.of(new DrmDevice.DrmMinor(nodeName(dir.minorIndex()), kindOfMinor(dir.minorIndex()), dir.minorIndex()))
                    : List.of();
            put(new DrmDevice(newId, driver, null, null, null, unique, null, minors, dir.path()));
            return newId;
        }
        DrmDevice d = byId.get(id.get());
        boolean primaryDir = d.debugfsDir() == null;
        // debugfs names the DRM driver; sysfs names the driver bound to the parent, which differs for
        // virtio-gpu (parent bound to virtio-pci), so debugfs wins.
        put(new DrmDevice(d.id(), driver != null ? driver : d.driver(), d.driverVersion(), d.driverDate(),
                d.driverDesc(), d.busId() != null ? d.busId() : unique, d.pci(), d.minors(),
                primaryDir ? dir.path() : d.debugfsDir()));
        return d.id();
    }

    private void put(DrmDevice d) {
        byId.put(d.id(), d);
        for (DrmDevice.DrmMinor m : d.minors()) {
            idByNode.put(m.name(), d.id());
            idByMinor.put((long) m.minor(), d.id());
        }
    }

    List<DrmDevice> devices() {
        return List.copyOf(byId.values());
    }

    Optional<DrmDevice> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The device of a node such as {@code renderD128}. */
    Optional<String> idForNode(String node) {
        return Optional.ofNullable(idByNode.get(node));
    }

    /** The device whose name an attachment line prints (dev_name of the importing device). */
    Optional<String> idForAttachment(String deviceName) {
        return byId.containsKey(deviceName) ? Optional.of(deviceName) : Optional.empty();
    }

    /**
     * Devices that could have exported a buffer with this exp_name: {@code i915} names itself;
     * {@code drm} is every driver that uses the generic drm_gem_prime_export (kernel-interfaces.md §1.2).
     */
    List<String> exporterCandidates(String exportName) {
        String expName = driverOfSourcePath(exportName);
        List<String> out = new ArrayList<>();
        for (DrmDevice d : byId.values()) {
            boolean own = d.driver() != null && OWN_EXPORTERS.contains(d.driver());
            boolean named = d.driver() != null && d.driver().equals(expName);
            if (named || !own && "drm".equals(expName)) {
                out.add(d.id());
            }
        }
        return out;
    }

    /**
     * 3.10 – 3.13 printed the exporter's source file ({@code __FILE__}) as exp_name, e.g.
     * {@code drivers/gpu/drm/i915/i915_gem_dmabuf.c}; the directory names the driver. drm_prime.c
     * itself is the generic exporter.
     */
    static String driverOfSourcePath(String expName) {
        int at = expName.indexOf("drivers/gpu/drm/");
        if (at < 0) {
            return expName;
        }
        String rest = expName.substring(at + "drivers/gpu/drm/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? "drm" : rest.substring(0, slash);
    }

    private static DrmDevice.DrmMinor.Kind kind(DrmNodeName.Kind k) {
        return switch (k) {
            case PRIMARY -> DrmDevice.DrmMinor.Kind.PRIMARY;
            case RENDER -> DrmDevice.DrmMinor.Kind.RENDER;
            case CONTROL -> DrmDevice.DrmMinor.Kind.CONTROL;
        };
    }

    /** Minor ranges from drm_drv.c: 0–63 primary, 64–127 control (legacy), 128–191 render. */
    private static DrmDevice.DrmMinor.Kind kindOfMinor(int minor) {
        return minor >= 128 && minor < 192 ? DrmDevice.DrmMinor.Kind.RENDER
                : minor >= 64 && minor < 128 ? DrmDevice.DrmMinor.Kind.CONTROL : DrmDevice.DrmMinor.Kind.PRIMARY;
    }

    private static String nodeName(int minor) {
        return switch (kindOfMinor(minor)) {
            case RENDER -> "renderD" + minor;
            case CONTROL -> "controlD" + minor;
            case PRIMARY -> "card" + minor;
        };
    }

    private static String hex(OptionalLong v, int digits) {
        return v.isPresent() ? String.format("0x%0" + digits + "x", v.getAsLong()) : null;
    }
}
