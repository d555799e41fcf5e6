package dev.gemscope.backend.parse.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.drm.Framebuffers.Framebuffer;
import dev.gemscope.backend.parse.drm.Framebuffers.GemObjectInfo;
import dev.gemscope.backend.parse.drm.Framebuffers.Plane;

class FramebufferParserTest {

    private static final String SRC = "dri/0/framebuffer";

    /** drm_framebuffer_info() + drm_framebuffer_print_info(p, 1, fb) + drm_gem_print_info(p, 3, obj). */
    private static final String XORG_FB = """
            framebuffer[42]:
            \tallocated by = Xorg
            \trefcount=2
            \tformat=XR24 little-endian (0x34325258)
            \tmodifier=0x0
            \tsize=1920x1080
            \tlayers:
            \t\tsize[0]=1920x1080
            \t\tpitch[0]=7680
            \t\toffset[0]=0
            \t\tobj[0]:
            \t\t\tname=0
            \t\t\trefcount=3
            \t\t\tstart=00100000
            \t\t\tsize=8294400
            \t\t\timported=no
            """;

    @Test
    void parsesFramebufferAndItsGemObject() {
        Framebuffers all = FramebufferParser.parse(XORG_FB, SRC);
        assertTrue(all.warnings().isEmpty());
        Framebuffer fb = all.framebuffers().get(0);
        assertEquals(42, fb.id());
        assertEquals("Xorg", fb.allocatedBy());
        assertEquals(OptionalLong.of(2), fb.refcount());
        assertEquals("XR24 little-endian (0x34325258)", fb.format());
        assertEquals(OptionalLong.of(0x34325258), fb.fourcc());
        assertEquals(OptionalLong.of(0), fb.modifier());
        assertEquals(OptionalLong.of(1920), fb.width());
        assertEquals(OptionalLong.of(1080), fb.height());
        Plane p = fb.planes().get(0);
        assertEquals(0, p.index());
        assertEquals(OptionalLong.of(7680), p.pitch());
        assertEquals(OptionalLong.of(0), p.offset());
        assertEquals(OptionalLong.of(1080), p.height());
        GemObjectInfo obj = p.object().orElseThrow();
        assertEquals(OptionalLong.of(0), obj.flinkName());
        assertEquals(OptionalLong.of(3), obj.refcount());
        assertEquals(OptionalLong.of(0x100000), obj.vmaStartPages());
        assertEquals(OptionalLong.of(8294400), obj.size());
        assertEquals(Optional.of(false), obj.imported());
        assertTrue(obj.driverLines().isEmpty());
    }

    @Test
    void parsesImportedMultiPlaneFramebufferWithDriverLinesAndNullPlane() {
        String text = """
                framebuffer[77]:
                \tallocated by = gst-launch 1.0
                \trefcount=1
                \tformat=NV12 little-endian (0x3231564e)
                \tmodifier=0x100000000000001
                \tsize=1280x720
                \tlayers:
                \t\tsize[0]=1280x720
                \t\tpitch[0]=1280
                \t\toffset[0]=0
                \t\tobj[0]:
                \t\t\tname=5
                \t\t\trefcount=4
                \t\t\tstart=00000000
                \t\t\tsize=1382400
                \t\t\timported=yes
                \t\t\tpages_use_count=1
                \t\t\tvmap_use_count=0
                \t\t\tvaddr=00000000a1b2c3d4
                \t\t\tsize=123
                \t\tsize[1]=640x360
                \t\tpitch[1]=1280
                \t\toffset[1]=921600
                \t\tobj[1]:(null)
                """;
        Framebuffer fb = FramebufferParser.parse(text, SRC).framebuffers().get(0);
        assertEquals("gst-launch 1.0", fb.allocatedBy());
        assertEquals(OptionalLong.of(0x3231564e), fb.fourcc());
        assertEquals(OptionalLong.of(0x100000000000001L), fb.modifier());
        assertEquals(2, fb.planes().size());
        GemObjectInfo obj = fb.planes().get(0).object().orElseThrow();
        assertEquals(Optional.of(true), obj.imported());
        assertEquals(OptionalLong.of(5), obj.flinkName());
        assertEquals(OptionalLong.of(1382400), obj.size());
        assertEquals(List.of("pages_use_count=1", "vmap_use_count=0", "vaddr=00000000a1b2c3d4", "size=123"),
                obj.driverLines());
        Plane second = fb.planes().get(1);
        assertEquals(OptionalLong.of(921600), second.offset());
        assertEquals(OptionalLong.of(640), second.width());
        assertEquals(Optional.empty(), second.object());
    }

    @Test
    void parsesSeveralFramebuffersAndEmptyComm() {
        String text = XORG_FB + """
                framebuffer[43]:
                \tallocated by = 
                \trefcount=1
                \tformat=AR24 little-endian (0x34325241)
                \tmodifier=0xffffffffffffffff
                \tsize=64x64
                \tlayers:
                """;
        Framebuffers all = FramebufferParser.parse(text, SRC);
        assertEquals(2, all.framebuffers().size());
        Framebuffer cursor = all.framebuffers().get(1);
        assertEquals(43, cursor.id());
        assertEquals("", cursor.allocatedBy());
        assertEquals(-1L, cursor.modifier().getAsLong());
        assertTrue(cursor.planes().isEmpty());
        assertTrue(all.warnings().isEmpty());
    }

    @Test
    void emptyTextHasNoFramebuffers() {
        Framebuffers all = FramebufferParser.parse("", SRC);
        assertTrue(all.framebuffers().isEmpty());
        assertTrue(all.warnings().isEmpty());
    }

    @Test
    void truncatedTextKeepsWhatWasComplete() {
        String cut = XORG_FB.substring(0, XORG_FB.indexOf("imported=") + 5);
        Framebuffers all = FramebufferParser.parse(cut, SRC);
        GemObjectInfo obj = all.framebuffers().get(0).planes().get(0).object().orElseThrow();
        assertEquals(OptionalLong.of(8294400), obj.size());
        assertEquals(Optional.empty(), obj.imported());
        assertEquals(1, all.warnings().size());
    }

    @Test
    void reportsLinesBeforeHeaderAndUnknownFramebufferLines() {
        String text = """
                stray line
                framebuffer[1]:
                \tallocated by = a
                \tcolorspace=bt709
                """;
        Framebuffers all = FramebufferParser.parse(text, SRC);
        assertEquals(2, all.warnings().size());
        assertEquals(1, all.warnings().get(0).line());
        assertEquals(List.of("colorspace=bt709"), all.framebuffers().get(0).otherLines());
    }

    @Test
    void oddValuesStayEmpty() {
        String text = """
                framebuffer[2]:
                \trefcount=99999999999999999999999
                \tformat=weird
                \tsize=1920by1080
                \tlayers:
                \t\tobj[0]:
                \t\t\timported=maybe
                """;
        Framebuffer fb = FramebufferParser.parse(text, SRC).framebuffers().get(0);
        assertEquals(OptionalLong.empty(), fb.refcount());
        assertEquals(OptionalLong.empty(), fb.fourcc());
        assertEquals(OptionalLong.empty(), fb.width());
        GemObjectInfo obj = fb.planes().get(0).object().orElseThrow();
        assertEquals(Optional.empty(), obj.imported());
        assertEquals(List.of("imported=maybe"), obj.driverLines());
    }
}
