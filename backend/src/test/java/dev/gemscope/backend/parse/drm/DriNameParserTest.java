package dev.gemscope.backend.parse.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.drm.DriNameParser.DriName;
import dev.gemscope.backend.parse.drm.DriNameParser.Form;

class DriNameParserTest {

    private static final String SRC = "dri/0/name";

    @Test
    void parsesKeyedPciName() {
        DriName n = DriNameParser.parse("i915 dev=0000:00:02.0 unique=0000:00:02.0\n", SRC);
        assertEquals(Form.KEYED, n.form());
        assertEquals("i915", n.driver());
        assertEquals(Optional.of("0000:00:02.0"), n.dev());
        assertEquals(Optional.empty(), n.master());
        assertEquals(Optional.of("0000:00:02.0"), n.unique());
        assertTrue(n.warnings().isEmpty());
    }

    @Test
    void parsesAllFourKeyedFields() {
        DriName n = DriNameParser.parse("radeon dev=0000:01:00.0 master=pci:0000:01:00.0 unique=0000:01:00.0\n", SRC);
        assertEquals("radeon", n.driver());
        assertEquals(Optional.of("0000:01:00.0"), n.dev());
        assertEquals(Optional.of("pci:0000:01:00.0"), n.master());
        assertEquals(Optional.of("0000:01:00.0"), n.unique());
    }

    @Test
    void parsesDriverWithoutParentDevice() {
        DriName n = DriNameParser.parse("vgem\n", SRC);
        assertEquals(Form.KEYED, n.form());
        assertEquals("vgem", n.driver());
        assertEquals(Optional.empty(), n.dev());
        assertEquals(Optional.empty(), n.unique());
    }

    @Test
    void parsesPlatformDeviceName() {
        DriName n = DriNameParser.parse("vgem dev=vgem unique=vgem\n", SRC);
        assertEquals(Optional.of("vgem"), n.dev());
        assertEquals(Optional.of("vgem"), n.unique());
    }

    @Test
    void keepsSpacesInsideAKeyedValue() {
        // master->unique comes from the legacy SET_UNIQUE ioctl and is free text.
        DriName n = DriNameParser.parse("drv dev=a b master=my unique id unique=u\n", SRC);
        assertEquals(Optional.of("a b"), n.dev());
        assertEquals(Optional.of("my unique id"), n.master());
        assertEquals(Optional.of("u"), n.unique());
    }

    @Test
    void parsesThreeXPositionalFormWithMasterUnique() {
        DriName n = DriNameParser.parse("pci 0000:00:02.0 pci:0000:00:02.0\n", SRC);
        assertEquals(Form.POSITIONAL, n.form());
        assertEquals("pci", n.driver());
        assertEquals(Optional.of("0000:00:02.0"), n.dev());
        assertEquals(Optional.of("pci:0000:00:02.0"), n.master());
        assertEquals(Optional.empty(), n.unique());
    }

    @Test
    void parsesThreeXPositionalFormWithoutMaster() {
        DriName n = DriNameParser.parse("i915 0000:00:02.0\n", SRC);
        assertEquals(Form.POSITIONAL, n.form());
        assertEquals("i915", n.driver());
        assertEquals(Optional.of("0000:00:02.0"), n.dev());
        assertEquals(Optional.empty(), n.master());
    }

    @Test
    void emptyTextIsTheNoMasterCase() {
        DriName n = DriNameParser.parse("", SRC);
        assertEquals(Form.EMPTY, n.form());
        assertEquals("", n.driver());
        assertTrue(n.warnings().isEmpty());
    }

    @Test
    void truncatedLineIsNotTrusted() {
        DriName n = DriNameParser.parse("i915 dev=0000:00:02.0 uni", SRC);
        assertEquals(Form.EMPTY, n.form());
        assertEquals(1, n.warnings().size());
        assertEquals(SRC, n.warnings().get(0).source());
    }

    @Test
    void reportsExtraLines() {
        DriName n = DriNameParser.parse("i915 dev=0000:00:02.0\nsomething else\n", SRC);
        assertEquals("i915", n.driver());
        assertEquals(1, n.warnings().size());
        assertEquals(2, n.warnings().get(0).line());
    }

    @Test
    void reportsTooManyPositionalWords() {
        DriName n = DriNameParser.parse("a b c d\n", SRC);
        assertEquals(Form.POSITIONAL, n.form());
        assertEquals(1, n.warnings().size());
    }
}
