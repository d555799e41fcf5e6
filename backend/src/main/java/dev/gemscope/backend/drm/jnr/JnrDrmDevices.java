package dev.gemscope.backend.drm.jnr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.gemscope.backend.drm.DrmDevices;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNode;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.parse.drm.DrmNodeName;
import dev.gemscope.backend.source.DrmSysfsReader;
import dev.gemscope.backend.source.SystemRoot;

/**
 * Lists nodes from {@code /sys/class/drm} (through {@link DrmSysfsReader}, which groups minors by
 * parent device and names the driver) and from {@code /dev/dri}; opens them with {@code open(2)}.
 */
final class JnrDrmDevices implements DrmDevices {

    private static final String DEV_DRI = "/dev/dri";

    private final SystemRoot root;

    JnrDrmDevices(SystemRoot root) {
        this.root = root;
    }

    @Override
    public List<DrmNode> list() {
        List<DrmNode> nodes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DrmSysfsReader.Device device : new DrmSysfsReader(root).read().devices()) {
            for (DrmSysfsReader.Minor minor : device.minors()) {
                String path = minor.devicePath();
                if (root.exists(path) && seen.add(path)) {
                    nodes.add(new DrmNode(path, minor.node().kind(), minor.node().index(), device.parent(),
                            device.driver(), device.pci()));
                }
            }
        }
        // Nodes with no sysfs entry (a container with /dev/dri bind-mounted but no /sys) still count.
        for (String name : root.list(DEV_DRI).names()) {
            Optional<DrmNodeName> node = DrmNodeName.parse(name);
            String path = DEV_DRI + "/" + name;
            if (node.isPresent() && node.get().name().equals(name) && seen.add(path)) {
                nodes.add(new DrmNode(path, node.get().kind(), node.get().index(), "", "", false));
            }
        }
        nodes.sort(Comparator.comparing(DrmNode::kind).thenComparingLong(DrmNode::minor));
        return List.copyOf(nodes);
    }

    @Override
    public DrmFile open(DrmNode node) throws DrmException {
        return open(node.path());
    }

    @Override
    public DrmFile open(String devicePath) throws DrmException {
        int fd = Native.open(root.resolve(devicePath).toString(), LinuxUapi.O_RDWR | LinuxUapi.O_CLOEXEC);
        return new JnrDrmFile(new FdOwner(fd, devicePath), devicePath);
    }
}
