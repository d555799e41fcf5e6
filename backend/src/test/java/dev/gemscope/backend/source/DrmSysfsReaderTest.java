package dev.gemscope.backend.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gemscope.backend.parse.ParseWarning;
import dev.gemscope.backend.parse.drm.DrmNodeName;
import dev.gemscope.backend.parse.drm.DrmSysfsParser.DevNumber;
import dev.gemscope.backend.source.DrmSysfsReader.Device;
import dev.gemscope.backend.source.DrmSysfsReader.Minor;
import dev.gemscope.backend.source.DrmSysfsReader.Result;

class DrmSysfsReaderTest {

    private static final String I915 = "sys/devices/pci0000:00/0000:00:02.0";

    @TempDir
    Path tree;

    private void write(String relative, String text) throws IOException {
        Path file = tree.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void link(String relative, String target) throws IOException {
        Path file = tree.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.createSymbolicLink(file, Path.of(target));
    }

    /** A minor laid out as on a live system: the real directory under the parent, a class link to it. */
    private void liveMinor(String parentDir, String name, int minor) throws IOException {
        String dir = parentDir + "/drm/" + name;
        write(dir + "/dev", "226:" + minor + "\n");
        write(dir + "/uevent", "MAJOR=226\nMINOR=" + minor + "\nDEVNAME=dri/" + name + "\nDEVTYPE=drm_minor\n");
        link(dir + "/device", "../../../" + Path.of(parentDir).getFileName());
        link("sys/class/drm/" + name, "../../" + dir.substring("sys/".length()));
    }

    private void liveI915() throws IOException {
        write(I915 + "/vendor", "0x8086\n");
        write(I915 + "/device", "0x3e92\n");
        write(I915 + "/subsystem_vendor", "0x17aa\n");
        write(I915 + "/subsystem_device", "0x3138\n");
        write(I915 + "/revision", "0x02\n");
        write(I915 + "/class", "0x030000\n");
        write(I915 + "/uevent", "DRIVER=i915\nPCI_SLOT_NAME=0000:00:02.0\n");
        // Dangling in the capture: /sys/bus was not copied. Its basename still names the driver.
        link(I915 + "/driver", "../../../bus/pci/drivers/i915");
        liveMinor(I915, "card0", 0);
        liveMinor(I915, "renderD128", 128);
        write(I915 + "/drm/card0/card0-HDMI-A-1/status", "connected\n");
        link("sys/class/drm/card0-HDMI-A-1", "../../devices/pci0000:00/0000:00:02.0/drm/card0/card0-HDMI-A-1");
        write("sys/class/drm/version", "drm 1.1.0 20060810\n");
    }

    private void liveVgem() throws IOException {
        write("sys/devices/platform/vgem/uevent", "DRIVER=vgem\nMODALIAS=platform:vgem\n");
        link("sys/devices/platform/vgem/driver", "../../../bus/platform/drivers/vgem");
        liveMinor("sys/devices/platform/vgem", "card1", 1);
        liveMinor("sys/devices/platform/vgem", "renderD129", 129);
    }

    private Result read() {
        return new DrmSysfsReader(SystemRoot.at(tree)).read();
    }

    @Test
    void pairsCardAndRenderNodeOfOnePciDevice() throws IOException {
        liveI915();
        Result r = read();
        assertEquals(ReadResult.Status.OK, r.classStatus());
        assertEquals(1, r.devices().size());
        Device gpu = r.devices().get(0);
        assertEquals("0000:00:02.0", gpu.parent());
        assertEquals("../../../0000:00:02.0", gpu.linkTarget());
        assertEquals("i915", gpu.driver());
        assertTrue(gpu.pci());
        assertEquals(List.of("card0", "renderD128"), gpu.minors().stream().map(m -> m.node().name()).toList());
        Minor render = gpu.render().orElseThrow();
        assertEquals(Optional.of(new DevNumber(226, 128)), render.devNumber());
        assertEquals("/dev/dri/renderD128", render.devicePath());
        assertEquals(DrmNodeName.Kind.PRIMARY, gpu.primary().orElseThrow().node().kind());
        assertTrue(r.warnings().isEmpty(), () -> r.warnings().toString());
    }

    @Test
    void readsPciIdsAsHex() throws IOException {
        liveI915();
        Device gpu = read().devices().get(0);
        assertEquals(OptionalLong.of(0x8086), gpu.pciIds().vendor());
        assertEquals(OptionalLong.of(0x3e92), gpu.pciIds().device());
        assertEquals(OptionalLong.of(0x17aa), gpu.pciIds().subsystemVendor());
        assertEquals(OptionalLong.of(0x3138), gpu.pciIds().subsystemDevice());
        assertEquals(OptionalLong.of(2), gpu.pciIds().revision());
        assertEquals(OptionalLong.of(0x030000), gpu.pciIds().pciClass());
    }

    @Test
    void keepsPlatformDeviceSeparateAndOrdersByMinor() throws IOException {
        liveVgem();
        liveI915();
        Result r = read();
        assertEquals(List.of("0000:00:02.0", "vgem"), r.devices().stream().map(Device::parent).toList());
        Device vgem = r.devices().get(1);
        assertEquals("vgem", vgem.driver());
        assertFalse(vgem.pci());
        assertEquals(OptionalLong.empty(), vgem.pciIds().vendor());
        assertEquals(List.of("card1", "renderD129"), vgem.minors().stream().map(m -> m.node().name()).toList());
        assertTrue(r.warnings().isEmpty(), () -> r.warnings().toString());
    }

    @Test
    void fallsBackToUeventsInAFlatCapture() throws IOException {
        // Captured by copying files: card0 and device are plain directories, dev was not captured.
        write("sys/class/drm/card0/uevent", "MAJOR=226\nMINOR=0\nDEVNAME=dri/card0\nDEVTYPE=drm_minor\n");
        write("sys/class/drm/card0/device/uevent", """
                DRIVER=i915
                PCI_CLASS=38000
                PCI_ID=8086:56A0
                PCI_SUBSYS_ID=8086:1020
                PCI_SLOT_NAME=0000:03:00.0
                """);
        write("sys/class/drm/card0/device/vendor", "0x8086\n");
        write("sys/class/drm/renderD128/dev", "226:128\n");
        write("sys/class/drm/renderD128/device/uevent", "DRIVER=i915\nPCI_SLOT_NAME=0000:03:00.0\n");
        Result r = read();
        assertEquals(1, r.devices().size());
        Device gpu = r.devices().get(0);
        assertEquals("0000:03:00.0", gpu.parent());
        assertEquals("", gpu.linkTarget());
        assertEquals("i915", gpu.driver());
        assertEquals(Optional.of(new DevNumber(226, 0)), gpu.primary().orElseThrow().devNumber());
        assertEquals(OptionalLong.of(0x56a0), gpu.pciIds().device());
        assertEquals(OptionalLong.of(0x038000), gpu.pciIds().pciClass());
        assertEquals(OptionalLong.empty(), gpu.pciIds().revision());
        // device, subsystem_vendor, subsystem_device, revision and class files are missing.
        assertEquals(5, r.warnings().size(), () -> r.warnings().toString());
        assertTrue(r.warnings().stream().map(ParseWarning::source).anyMatch(s -> s.endsWith("/revision")));
    }

    @Test
    void followsAbsoluteLinksInsideTheCapturedTree() throws IOException {
        String parent = "sys/devices/pci0000:99/0000:99:00.0";
        write(parent + "/vendor", "0x1234\n");
        write(parent + "/device", "0x1111\n");
        write(parent + "/subsystem_vendor", "0x0000\n");
        write(parent + "/subsystem_device", "0x0000\n");
        write(parent + "/revision", "0x00\n");
        write(parent + "/class", "0x030000\n");
        write(parent + "/drm/card0/dev", "226:0\n");
        link(parent + "/drm/card0/device", "/" + parent);
        link(parent + "/driver", "/sys/bus/pci/drivers/bochs-drm");
        link("sys/class/drm/card0", "/" + parent + "/drm/card0");
        Result r = read();
        Device gpu = r.devices().get(0);
        assertEquals("0000:99:00.0", gpu.parent());
        assertEquals("bochs-drm", gpu.driver());
        assertEquals(OptionalLong.of(0x1234), gpu.pciIds().vendor());
        assertEquals(Optional.of(new DevNumber(226, 0)), gpu.primary().orElseThrow().devNumber());
        assertTrue(r.warnings().isEmpty(), () -> r.warnings().toString());
    }

    @Test
    void reportsMinorWithoutParentAndKeepsItAlone() throws IOException {
        liveI915();
        write("sys/class/drm/card2/dev", "226:2\n");
        write("sys/class/drm/card10/uevent", "MAJOR=226\nMINOR=10\n");
        Result r = read();
        assertEquals(List.of("0000:00:02.0", "", ""), r.devices().stream().map(Device::parent).toList());
        assertEquals("card2", r.devices().get(1).minors().get(0).node().name());
        assertEquals("card10", r.devices().get(2).minors().get(0).node().name());
        assertEquals(Optional.of(new DevNumber(226, 10)), r.devices().get(2).minors().get(0).devNumber());
        assertEquals("", r.devices().get(1).driver());
        assertEquals(2, r.warnings().size(), () -> r.warnings().toString());
    }

    @Test
    void reportsMissingDeviceNumberAndBadHex() throws IOException {
        liveI915();
        Files.delete(tree.resolve(I915 + "/drm/card0/dev"));
        Files.delete(tree.resolve(I915 + "/drm/card0/uevent"));
        write(I915 + "/class", "VGA\n");
        Result r = read();
        Device gpu = r.devices().get(0);
        assertEquals(Optional.empty(), gpu.primary().orElseThrow().devNumber());
        assertEquals("dri/card0", gpu.primary().orElseThrow().devName());
        assertEquals(OptionalLong.empty(), gpu.pciIds().pciClass());
        assertEquals(2, r.warnings().size(), () -> r.warnings().toString());
    }

    @Test
    void missingClassDirectoryMeansNoDrm() {
        Result r = read();
        assertEquals(ReadResult.Status.MISSING, r.classStatus());
        assertTrue(r.devices().isEmpty());
        assertEquals(1, r.warnings().size());
    }
}
