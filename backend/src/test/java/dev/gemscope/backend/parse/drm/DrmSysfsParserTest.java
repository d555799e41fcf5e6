package dev.gemscope.backend.parse.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.drm.DrmSysfsParser.DevNumber;
import dev.gemscope.backend.parse.drm.DrmSysfsParser.IdPair;
import dev.gemscope.backend.parse.drm.DrmSysfsParser.PciIds;
import dev.gemscope.backend.parse.drm.DrmSysfsParser.Uevent;

class DrmSysfsParserTest {

    @Test
    void parsesMinorUevent() {
        Uevent u = DrmSysfsParser.parseUevent("""
                MAJOR=226
                MINOR=128
                DEVNAME=dri/renderD128
                DEVTYPE=drm_minor
                """, "uevent");
        assertEquals(Optional.of("dri/renderD128"), u.get("DEVNAME"));
        assertEquals(Optional.of(new DevNumber(226, 128)), DrmSysfsParser.devNumber(u));
        assertTrue(u.warnings().isEmpty());
    }

    @Test
    void keepsEqualsSignsInValuesAndWarnsOnOtherLines() {
        Uevent u = DrmSysfsParser.parseUevent("OF_COMPATIBLE_0=a=b\nnonsense\n", "uevent");
        assertEquals(Optional.of("a=b"), u.get("OF_COMPATIBLE_0"));
        assertEquals(1, u.warnings().size());
        assertEquals(2, u.warnings().get(0).line());
    }

    @Test
    void ignoresTruncatedUeventLine() {
        Uevent u = DrmSysfsParser.parseUevent("MAJOR=226\nMINOR=1", "uevent");
        assertEquals(Optional.empty(), u.get("MINOR"));
        assertEquals(Optional.empty(), DrmSysfsParser.devNumber(u));
        assertEquals(1, u.warnings().size());
    }

    @Test
    void parsesDevAttribute() {
        assertEquals(Optional.of(new DevNumber(226, 0)), DrmSysfsParser.parseDevNumber("226:0\n"));
        assertEquals(Optional.empty(), DrmSysfsParser.parseDevNumber("226\n"));
        assertEquals(Optional.empty(), DrmSysfsParser.parseDevNumber("226:x\n"));
        assertEquals(Optional.empty(), DrmSysfsParser.parseDevNumber(null));
    }

    @Test
    void parsesHexAttributes() {
        assertEquals(OptionalLong.of(0x8086), DrmSysfsParser.parseHex("0x8086\n"));
        assertEquals(OptionalLong.of(0x030000), DrmSysfsParser.parseHex("0x030000\n"));
        assertEquals(OptionalLong.of(0x30000), DrmSysfsParser.parseHex("30000"));
        assertEquals(OptionalLong.empty(), DrmSysfsParser.parseHex("0xZZ"));
        assertEquals(OptionalLong.empty(), DrmSysfsParser.parseHex("0x" + "f".repeat(20)));
    }

    @Test
    void parsesPciIdPair() {
        assertEquals(Optional.of(new IdPair(0x8086, 0x3e92)), DrmSysfsParser.parseIdPair("8086:3E92"));
        assertEquals(Optional.empty(), DrmSysfsParser.parseIdPair("8086"));
    }

    @Test
    void takesPciIdsFromUevent() {
        Uevent u = DrmSysfsParser.parseUevent("""
                DRIVER=i915
                PCI_CLASS=30000
                PCI_ID=8086:3E92
                PCI_SUBSYS_ID=17AA:3138
                PCI_SLOT_NAME=0000:00:02.0
                MODALIAS=pci:v00008086d00003E92sv000017AAsd00003138bc03sc00i00
                """, "uevent");
        PciIds ids = PciIds.fromUevent(u);
        assertEquals(OptionalLong.of(0x8086), ids.vendor());
        assertEquals(OptionalLong.of(0x3e92), ids.device());
        assertEquals(OptionalLong.of(0x17aa), ids.subsystemVendor());
        assertEquals(OptionalLong.of(0x3138), ids.subsystemDevice());
        assertEquals(OptionalLong.of(0x030000), ids.pciClass());
        assertEquals(OptionalLong.empty(), ids.revision());
        assertEquals(Optional.of("0000:00:02.0"), DrmSysfsParser.parentName(u));
    }

    @Test
    void fillsOnlyMissingIdsFromFallback() {
        PciIds files = new PciIds(OptionalLong.of(1), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.of(5), OptionalLong.empty());
        PciIds fallback = new PciIds(OptionalLong.of(9), OptionalLong.of(2), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(3));
        PciIds merged = files.orElse(fallback);
        assertEquals(OptionalLong.of(1), merged.vendor());
        assertEquals(OptionalLong.of(2), merged.device());
        assertEquals(OptionalLong.of(5), merged.revision());
        assertEquals(OptionalLong.of(3), merged.pciClass());
    }

    @Test
    void namesPlatformParentFromModalias() {
        Uevent u = DrmSysfsParser.parseUevent("DRIVER=vgem\nMODALIAS=platform:vgem\n", "uevent");
        assertEquals(Optional.of("vgem"), DrmSysfsParser.parentName(u));
        Uevent of = DrmSysfsParser.parseUevent("MODALIAS=of:NgpuT(null)Cqcom,adreno\n", "uevent");
        assertEquals(Optional.empty(), DrmSysfsParser.parentName(of));
    }

    @Test
    void recognisesPciAddresses() {
        assertTrue(DrmSysfsParser.isPciAddress("0000:00:02.0"));
        assertTrue(DrmSysfsParser.isPciAddress("10000:e1:00.7"));
        assertEquals(false, DrmSysfsParser.isPciAddress("vgem"));
        assertEquals(false, DrmSysfsParser.isPciAddress("0000:00:02.8"));
    }
}
