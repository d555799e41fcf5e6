package dev.gemscope.backend.parse.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.gemscope.backend.parse.drm.DrmNodeName.Kind;

class DrmNodeNameTest {

    @Test
    void parsesBareNamesOfEveryKind() {
        assertEquals(new DrmNodeName(Kind.PRIMARY, 0, "card0", false), DrmNodeName.parse("card0").orElseThrow());
        assertEquals(new DrmNodeName(Kind.RENDER, 128, "renderD128", false),
                DrmNodeName.parse("renderD128").orElseThrow());
        assertEquals(Kind.CONTROL, DrmNodeName.parse("controlD64").orElseThrow().kind());
    }

    @Test
    void parsesFdLinkTargetsAndDevnodeNames() {
        DrmNodeName n = DrmNodeName.parse("/dev/dri/renderD129").orElseThrow();
        assertEquals(Kind.RENDER, n.kind());
        assertEquals(129, n.index());
        assertEquals("/dev/dri/renderD129", n.devicePath());
        assertFalse(n.deleted());
        assertEquals("card1", DrmNodeName.parse("dri/card1").orElseThrow().name());
    }

    @Test
    void notesDeletedDeviceNode() {
        DrmNodeName n = DrmNodeName.parse("/dev/dri/card0 (deleted)").orElseThrow();
        assertTrue(n.deleted());
        assertEquals("card0", n.name());
    }

    @Test
    void parsesExtendedMinorRange() {
        assertEquals(1048575, DrmNodeName.parse("renderD1048575").orElseThrow().index());
    }

    @ParameterizedTest
    @ValueSource(strings = {"card0-HDMI-A-1", "version", "ttm", "card", "renderD", "/dmabuf:", "anon_inode:i915.gem",
        "/dev/dri/by-path/pci-0000:00:02.0-card", "card99999999999999999999", ""})
    void rejectsWhatIsNotAMinorName(String text) {
        assertEquals(Optional.empty(), DrmNodeName.parse(text));
    }

    @Test
    void rejectsNull() {
        assertEquals(Optional.empty(), DrmNodeName.parse(null));
    }
}
