package dev.gemscope.app.devices;

import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.graph.Sizes;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.GemObject;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One entry of the device list; {@code device} null is the "All devices" entry.
 *
 * @param device the device, or null for all
 * @param title "i915 · 0000:00:02.0"
 * @param nodes "card0, renderD128 · PCI 8086:a7a0"
 * @param totals "4 clients · 7 objects (8.2 MiB) · exports 2 · imports 2"
 */
public record DeviceRow(DrmDevice device, String title, String nodes, String totals) {

    public static DeviceRow all(SnapshotIndex index) {
        var s = index.snapshot();
        return new DeviceRow(null, "All devices", plural(s.devices().size(), "DRM device"),
                plural(s.clients().size(), "client") + " · " + plural(s.gemObjects().size(), "object") + " · "
                        + plural(s.dmaBufs().size(), "dma-buf") + " (" + Sizes.human(s.totals().dmaBufBytes()) + ")");
    }

    public static DeviceRow of(DrmDevice d, SnapshotIndex index) {
        var s = index.snapshot();
        String nodes = d.minors().stream().map(DrmDevice.DrmMinor::name).collect(Collectors.joining(", "));
        if (d.pci() != null) {
            nodes += " · PCI " + strip(d.pci().vendor()) + ":" + strip(d.pci().device());
        }
        long clients = s.clients().stream().filter(c -> d.id().equals(c.deviceId())).count();
        long objects = s.gemObjects().stream().filter(o -> d.id().equals(o.deviceId())).count();
        long bytes = s.gemObjects().stream().filter(o -> d.id().equals(o.deviceId()) && o.size() != null)
                .filter(o -> o.role() != GemObject.Role.IMPORTER).mapToLong(GemObject::size).sum();
        long exports = s.dmaBufs().stream().filter(b -> d.id().equals(b.exporterDeviceId())).count();
        long imports = s.attachments().stream().filter(a -> d.id().equals(a.deviceId())).count();
        String totals = plural(clients, "client") + " · " + plural(objects, "object")
                + (bytes > 0 ? " (" + Sizes.human(bytes) + ")" : "") + " · exports " + exports + " · imports " + imports;
        return new DeviceRow(d, (d.driver() == null ? "?" : d.driver()) + " · " + d.id(), nodes, totals);
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String strip(String hex) {
        return hex != null && hex.startsWith("0x") ? hex.substring(2) : Objects.toString(hex, "?");
    }

    public String deviceId() {
        return device == null ? null : device.id();
    }
}
