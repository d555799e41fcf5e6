package dev.gemscope.backend.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.ParseWarning;
import dev.gemscope.backend.parse.drm.DrmNodeName;
import dev.gemscope.backend.parse.drm.DrmSysfsParser;
import dev.gemscope.backend.parse.drm.DrmSysfsParser.DevNumber;
import dev.gemscope.backend.parse.drm.DrmSysfsParser.PciIds;
import dev.gemscope.backend.parse.drm.DrmSysfsParser.Uevent;

/**
 * Lists the DRM devices under {@code /sys/class/drm} ({@code drivers/gpu/drm/drm_sysfs.c}): every
 * {@code cardN}, {@code renderDN} and legacy {@code controlDN} minor with its device number, grouped
 * by the parent device the minors' {@code device} links point to, so a card node and its render node
 * come out as one device. Connector entries ({@code card0-HDMI-A-1}), {@code version} and other class
 * entries are ignored.
 *
 * <p>For the parent the reader takes the basename of the {@code device} link (a PCI address such as
 * {@code 0000:00:02.0}, or e.g. {@code vgem}), the basename of {@code device/driver} (read as a link,
 * so a dangling link in a captured tree still names the driver), and for PCI parents the hex ids
 * from {@code drivers/pci/pci-sysfs.c}. Captured trees may hold {@code device} as a plain directory;
 * then {@code device/uevent} supplies {@code PCI_SLOT_NAME} (or a {@code platform:} {@code MODALIAS}),
 * {@code DRIVER}, {@code PCI_ID}, {@code PCI_SUBSYS_ID} and {@code PCI_CLASS}. Absolute links inside a
 * captured tree are followed inside the tree, never on the host.
 *
 * <p>Nothing here throws: what cannot be read is left empty and reported in {@link Result#warnings()}.
 */
public final class DrmSysfsReader {

    /** The class directory. */
    public static final String CLASS_DIR = "/sys/class/drm";

    private static final List<String> PCI_FILES =
            List.of("vendor", "device", "subsystem_vendor", "subsystem_device", "revision", "class");

    private final SystemRoot root;

    public DrmSysfsReader(SystemRoot root) {
        this.root = root;
    }

    /**
     * One DRM minor.
     *
     * @param node the parsed name (kind and index)
     * @param devNumber {@code 226:<minor>} from {@code dev}, else from {@code uevent}
     * @param devName the devnode name from {@code uevent DEVNAME}, e.g. {@code dri/card0};
     *     {@code dri/<name>} if absent
     */
    public record Minor(DrmNodeName node, Optional<DevNumber> devNumber, String devName) {
        /** The device node path, e.g. {@code /dev/dri/card0}. */
        public String devicePath() {
            return "/dev/" + devName;
        }
    }

    /**
     * One parent device with its minors.
     *
     * @param parent the parent's name: PCI address, platform device name, …; empty if unknown
     * @param linkTarget the raw target of the first minor's {@code device} link; empty if not a link
     * @param driver the bound driver ({@code i915}, {@code vgem}, …); empty if unknown
     * @param pci whether the parent is a PCI function
     * @param pciIds the PCI ids (all empty for non-PCI parents)
     * @param minors the minors, card first, then control, then render nodes
     */
    public record Device(String parent, String linkTarget, String driver, boolean pci, PciIds pciIds,
            List<Minor> minors) {
        public Device {
            minors = List.copyOf(minors);
        }

        /** The {@code cardN} node, if any. */
        public Optional<Minor> primary() {
            return first(DrmNodeName.Kind.PRIMARY);
        }

        /** The {@code renderDN} node, if any. */
        public Optional<Minor> render() {
            return first(DrmNodeName.Kind.RENDER);
        }

        private Optional<Minor> first(DrmNodeName.Kind kind) {
            return minors.stream().filter(m -> m.node().kind() == kind).findFirst();
        }
    }

    /**
     * Everything found.
     *
     * @param classStatus how listing {@code /sys/class/drm} went (MISSING: no DRM in this kernel)
     * @param devices the devices, ordered by their lowest minor
     * @param warnings what could not be read
     */
    public record Result(ReadResult.Status classStatus, List<Device> devices, List<ParseWarning> warnings) {
        public Result {
            devices = List.copyOf(devices);
            warnings = List.copyOf(warnings);
        }
    }

    /** Where a minor's parent lives and what it is called. */
    private record Parent(String name, String linkTarget, String dir) {
    }

    /** Reads the class directory; never throws. */
    public Result read() {
        List<ParseWarning> warnings = new ArrayList<>();
        SystemRoot.Listing listing = root.list(CLASS_DIR);
        if (!listing.ok()) {
            warnings.add(warning(CLASS_DIR, "cannot list: " + listing.status() + " " + listing.detail()));
            return new Result(listing.status(), List.of(), warnings);
        }
        List<DrmNodeName> nodes = new ArrayList<>();
        for (String name : listing.names()) {
            DrmNodeName.parse(name).filter(n -> n.name().equals(name)).ifPresent(nodes::add);
        }
        nodes.sort(Comparator.comparing(DrmNodeName::kind).thenComparingLong(DrmNodeName::index));
        Map<String, List<Minor>> groups = new LinkedHashMap<>();
        Map<String, Parent> parents = new LinkedHashMap<>();
        for (DrmNodeName node : nodes) {
            String dir = inTree(CLASS_DIR + "/" + node.name());
            Parent parent = parent(node, dir, warnings);
            String key = parent.name().isEmpty() ? "minor:" + node.name() : parent.name();
            parents.putIfAbsent(key, parent);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(minor(node, dir, warnings));
        }
        List<Device> devices = new ArrayList<>();
        for (Map.Entry<String, List<Minor>> group : groups.entrySet()) {
            devices.add(device(parents.get(group.getKey()), group.getValue(), warnings));
        }
        return new Result(listing.status(), devices, warnings);
    }

    private Minor minor(DrmNodeName node, String dir, List<ParseWarning> warnings) {
        ReadResult dev = root.read(dir + "/dev");
        Uevent uevent = uevent(dir + "/uevent", warnings);
        Optional<DevNumber> number = dev.ok() ? DrmSysfsParser.parseDevNumber(dev.text()) : Optional.empty();
        if (number.isEmpty()) {
            number = DrmSysfsParser.devNumber(uevent);
        }
        if (number.isEmpty()) {
            warnings.add(warning(dir + "/dev",
                    "no device number (dev: " + dev.status() + ", uevent has no MAJOR/MINOR)"));
        }
        String devName = uevent.get("DEVNAME").map(String::strip).filter(s -> !s.isEmpty())
                .orElse("dri/" + node.name());
        return new Minor(node, number, devName);
    }

    private Parent parent(DrmNodeName node, String dir, List<ParseWarning> warnings) {
        String linkPath = dir + "/device";
        ReadResult link = root.readLink(linkPath);
        if (link.ok()) {
            String target = link.text();
            String deviceDir = absoluteInTree(target).orElse(linkPath);
            String name = basename(target);
            if (name.isEmpty()) {
                name = DrmSysfsParser.parentName(uevent(deviceDir + "/uevent", new ArrayList<>())).orElse("");
            }
            return new Parent(name, target, deviceDir);
        }
        if (root.isDirectory(linkPath)) {
            Uevent uevent = uevent(linkPath + "/uevent", new ArrayList<>());
            Optional<String> name = DrmSysfsParser.parentName(uevent);
            if (name.isEmpty()) {
                warnings.add(warning(linkPath, "device is a directory without PCI_SLOT_NAME or platform MODALIAS"));
            }
            return new Parent(name.orElse(""), "", linkPath);
        }
        warnings.add(warning(linkPath, "no parent device link: " + link.status() + " " + link.detail()));
        return new Parent("", "", null);
    }

    private Device device(Parent parent, List<Minor> minors, List<ParseWarning> warnings) {
        if (parent.dir() == null) {
            return new Device(parent.name(), parent.linkTarget(), "", false, PciIds.none(), minors);
        }
        Uevent uevent = uevent(parent.dir() + "/uevent", new ArrayList<>());
        String driver = "";
        ReadResult driverLink = root.readLink(parent.dir() + "/driver");
        if (driverLink.ok()) {
            driver = basename(driverLink.text());
        }
        if (driver.isEmpty()) {
            driver = uevent.get("DRIVER").map(String::strip).orElse("");
        }
        // No driver link is normal for vgem's bare platform device, which no driver binds; the DRM
        // driver name then comes from debugfs. Only an unreadable link is worth a warning.
        if (driver.isEmpty() && driverLink.status() != ReadResult.Status.MISSING) {
            warnings.add(warning(parent.dir() + "/driver",
                    "no driver (link: " + driverLink.status() + ", no DRIVER=)"));
        }
        boolean pci = DrmSysfsParser.isPciAddress(parent.name()) || uevent.get("PCI_SLOT_NAME").isPresent();
        PciIds ids = pci ? pciIds(parent.dir(), uevent, warnings) : PciIds.none();
        return new Device(parent.name(), parent.linkTarget(), driver, pci, ids, minors);
    }

    private PciIds pciIds(String dir, Uevent uevent, List<ParseWarning> warnings) {
        List<OptionalLong> values = new ArrayList<>();
        for (String file : PCI_FILES) {
            String path = dir + "/" + file;
            ReadResult r = root.read(path);
            OptionalLong v = r.ok() ? DrmSysfsParser.parseHex(r.text()) : OptionalLong.empty();
            if (v.isEmpty()) {
                warnings.add(warning(path,
                        r.ok() ? "not a hex value: " + r.text().strip() : "unreadable: " + r.status()));
            }
            values.add(v);
        }
        PciIds files = new PciIds(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4),
                values.get(5));
        return files.orElse(PciIds.fromUevent(uevent));
    }

    private Uevent uevent(String path, List<ParseWarning> warnings) {
        ReadResult r = root.read(path);
        if (!r.ok()) {
            return Uevent.empty();
        }
        Uevent uevent = DrmSysfsParser.parseUevent(r.text(), path);
        warnings.addAll(uevent.warnings());
        return uevent;
    }

    /** A class entry that is an absolute link in a captured tree is followed inside the tree. */
    private String inTree(String kernelPath) {
        ReadResult link = root.readLink(kernelPath);
        return link.ok() ? absoluteInTree(link.text()).orElse(kernelPath) : kernelPath;
    }

    /**
     * For a captured tree, an absolute link target under {@code /sys} as a kernel path to read
     * through the root; relative targets (and everything on the live system) resolve by themselves.
     */
    private Optional<String> absoluteInTree(String target) {
        if (root.isLive() || !target.startsWith("/")) {
            return Optional.empty();
        }
        String normal = Path.of(target).normalize().toString();
        return normal.startsWith("/sys/") ? Optional.of(normal) : Optional.empty();
    }

    private static String basename(String target) {
        String t = target.strip();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.substring(t.lastIndexOf('/') + 1);
    }

    private static ParseWarning warning(String path, String reason) {
        return new ParseWarning(path, 0, "", reason);
    }
}
