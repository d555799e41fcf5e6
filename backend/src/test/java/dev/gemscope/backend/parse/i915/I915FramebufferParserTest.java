package dev.gemscope.backend.parse.i915;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.i915.FramebufferRow.Kind;

class I915FramebufferParserTest {

    private static final String SOURCE = "/sys/kernel/debug/dri/0/i915_gem_framebuffer";

    // 3.6 i915_gem_framebuffer_info(): "fbcon size: %d x %d, depth %d, %d bpp, obj " + describe_obj
    @Test
    void parsesThreeSixFbconLineWithoutModifier() {
        String text = """
                fbcon size: 1366 x 768, depth 24, 32 bpp, obj ffff88011a2b3c00: p      4096KiB 0040 0000 0 0 \
                snooped (LLC) (gtt offset: 00200000, size: 00400000) (p mappable)
                """;

        I915Framebuffers r = I915FramebufferParser.parse(text, SOURCE);

        assertEquals(List.of(), r.warnings());
        FramebufferRow row = r.framebuffers().get(0);
        assertEquals(Kind.FBCON, row.kind());
        assertEquals(1366, row.width());
        assertEquals(768, row.height());
        assertEquals(24, row.depth());
        assertEquals(32, row.bitsPerPixel());
        assertEquals(OptionalLong.empty(), row.modifier());
        assertEquals(OptionalLong.empty(), row.refcount());
        DescribedObject o = row.object().orElseThrow();
        assertEquals(DescribeFormat.V3_6, o.format());
        assertEquals("i915_gem_framebuffer", o.list());
        assertEquals(Optional.of("fbcon"), o.section());
        assertEquals(4096, o.sizeKiB());
        assertTrue(o.pinMappable());
    }

    // ≈4.x+: "…, modifier 0x%llx, refcount %d, obj " (4.8 and 5.x+ describe_obj layouts)
    @Test
    void parsesModifierRefcountAndUserFramebuffers() {
        String text = """
                fbcon size: 1920 x 1080, depth 24, 32 bpp, modifier 0x0, refcount 2, obj ffff8800d5a1b000: \
                 p gM     8100KiB 40 40 [ 0 0 0 ] 0 0 uncached (pinned x 1) (display) \
                (ggtt offset: 00000000, size: 007e9000, type: 0) (frontbuffer: 0x001)
                user size: 3840 x 2160, depth 24, 32 bpp, modifier 0x0100000000000002, refcount 3, obj \
                ffff9c4b8f1e0000: Y      32400KiB 40 00 uncached (ggtt offset: 01000000, size: 01fa4000, \
                pages: 64K, normal) (pinned x 1) (fb)
                """;

        I915Framebuffers r = I915FramebufferParser.parse(text, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(2, r.framebuffers().size());
        FramebufferRow fbcon = r.framebuffers().get(0);
        assertEquals(OptionalLong.of(0), fbcon.modifier());
        assertEquals(OptionalLong.of(2), fbcon.refcount());
        assertEquals(DescribeFormat.V4_8, fbcon.object().orElseThrow().format());
        assertTrue(fbcon.object().orElseThrow().display());

        FramebufferRow user = r.framebuffers().get(1);
        assertEquals(Kind.USER, user.kind());
        assertEquals(3840, user.width());
        assertEquals(OptionalLong.of(0x0100000000000002L), user.modifier());
        assertEquals(OptionalLong.of(3), user.refcount());
        assertEquals(2, user.line());
        DescribedObject o = user.object().orElseThrow();
        assertEquals(DescribeFormat.V5_4, o.format());
        assertEquals(Optional.of("user"), o.section());
        assertEquals(ObjectFlags.Tiling.Y, o.flags().tiling());
        assertTrue(o.framebuffer());
        assertEquals(Optional.of("normal"), o.bindings().get(0).view());
    }

    @Test
    void emptyObjectPartGivesRowWithoutObject() {
        // xe display may have no describe hook: the line ends right after "obj "
        String text = "user size: 800 x 600, depth 24, 32 bpp, modifier 0x0, refcount 1, obj \n";

        I915Framebuffers r = I915FramebufferParser.parse(text, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(Optional.empty(), r.framebuffers().get(0).object());
        assertEquals(800, r.framebuffers().get(0).width());
    }

    // 3.10 i915_gem_framebuffer_info(): "…, %d bpp, refcount %d, obj " (refcount, no modifier) + 3.10
    // describe_obj; exact lines of resources/fixtures/3.10-i915-prime
    @Test
    void parsesThreeTenRefcountWithoutModifier() {
        String text = """
                fbcon size: 1920 x 1080, depth 24, 32 bpp, refcount 1, obj ffff88020f4a1e00: p      8100KiB 40 40 0 0 0 \
                uncached (pinned x 1) (gtt offset: 00080000, size: 007e9000) (stolen: 00060000) (p mappable)
                user size: 1920 x 1080, depth 24, 32 bpp, refcount 2, obj ffff88020f4a1fc0: pX     8100KiB 02 02 91842 \
                91842 91836 uncached dirty (pinned x 1) (fence: 0) (gtt offset: 00880000, size: 007e9000) (pf mappable) \
                (blitter ring)
                """;

        I915Framebuffers r = I915FramebufferParser.parse(text, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(2, r.framebuffers().size());
        FramebufferRow fbcon = r.framebuffers().get(0);
        assertEquals(Kind.FBCON, fbcon.kind());
        assertEquals(1920, fbcon.width());
        assertEquals(1080, fbcon.height());
        assertEquals(OptionalLong.empty(), fbcon.modifier());
        assertEquals(OptionalLong.of(1), fbcon.refcount());
        DescribedObject fbObj = fbcon.object().orElseThrow();
        assertEquals(DescribeFormat.V3_10, fbObj.format());
        assertEquals("ffff88020f4a1e00", fbObj.pointer());
        assertEquals(OptionalLong.of(0x60000), fbObj.stolenOffset());

        FramebufferRow user = r.framebuffers().get(1);
        assertEquals(Kind.USER, user.kind());
        assertEquals(OptionalLong.empty(), user.modifier());
        assertEquals(OptionalLong.of(2), user.refcount());
        DescribedObject o = user.object().orElseThrow();
        assertEquals(DescribeFormat.V3_10, o.format());
        assertEquals(Optional.of("user"), o.section());
        assertEquals(ObjectFlags.Tiling.X, o.flags().tiling());
        assertEquals(OptionalLong.of(91836), o.seqnos().lastFenced());
        assertEquals(Optional.of("blitter ring"), o.engine());
    }

    // 4.19: "…, modifier 0x%llx, refcount %d, obj " + five-flag describe_obj without seqnos; exact lines of
    // resources/fixtures/4.19-vgem-fences
    @Test
    void parsesFourNineteenFramebuffers() {
        String text = """
                fbcon size: 1920 x 1080, depth 24, 32 bpp, modifier 0x0, refcount 1, obj ffff8b611a2d0000:  p        \
                8100KiB 40 40  uncached (pinned x 1) (global) (ggtt offset: 00000000, size: 007e9000, pages: 4K, normal) \
                (stolen: 00000000)
                user size: 1920 x 1080, depth 24, 32 bpp, modifier 0x100000000000001, refcount 1, obj ffff8b611a2d2a80: \
                * X       8100KiB 02 02  uncached dirty (pinned x 0) (ggtt offset: 01040000, size: 007e9000, pages: 4K, \
                normal) (ppgtt offset: 008f0000, size: 007e9000, pages: 4K) (rcs0)
                """;

        I915Framebuffers r = I915FramebufferParser.parse(text, SOURCE);

        assertEquals(List.of(), r.warnings());
        FramebufferRow fbcon = r.framebuffers().get(0);
        assertEquals(OptionalLong.of(0), fbcon.modifier());
        assertEquals(OptionalLong.of(1), fbcon.refcount());
        DescribedObject fbObj = fbcon.object().orElseThrow();
        assertEquals(DescribeFormat.V4_19, fbObj.format());
        assertEquals(Optional.of(ObjectFlags.PinFlag.DISPLAY), fbObj.flags().pin());
        assertTrue(fbObj.globalPin());
        assertEquals(Optional.empty(), fbObj.engine());

        FramebufferRow user = r.framebuffers().get(1);
        assertEquals(OptionalLong.of(0x100000000000001L), user.modifier());
        DescribedObject o = user.object().orElseThrow();
        assertEquals(DescribeFormat.V4_19, o.format());
        assertEquals(Optional.of(true), o.flags().active());
        assertEquals(ObjectFlags.Tiling.X, o.flags().tiling());
        assertEquals(Optional.of("rcs0"), o.engine());
    }

    @Test
    void unreadableObjectPartIsWarnedButRowKept() {
        String text = "user size: 800 x 600, depth 24, 32 bpp, modifier 0x0, refcount 1, obj something new\n";

        I915Framebuffers r = I915FramebufferParser.parse(text, SOURCE);

        assertEquals(1, r.framebuffers().size());
        assertEquals(Optional.empty(), r.framebuffers().get(0).object());
        assertEquals(1, r.warnings().size());
    }

    @Test
    void hugeModifierIsKeptAsBitPatternAndOverflowIsWarned() {
        String text = """
                user size: 1 x 1, depth 24, 32 bpp, modifier 0xffffffffffffffff, refcount 1, obj\s
                user size: 1 x 1, depth 24, 32 bpp, modifier 0x1ffffffffffffffff, refcount 1, obj\s
                """;

        I915Framebuffers r = I915FramebufferParser.parse(text, SOURCE);

        assertEquals(OptionalLong.of(-1), r.framebuffers().get(0).modifier());
        assertEquals(OptionalLong.empty(), r.framebuffers().get(1).modifier());
        assertEquals(1, r.warnings().size());
        assertEquals(2, r.warnings().get(0).line());
    }

    @Test
    void foreignLinesAreWarned() {
        String text = "fbcon size: 1 x 1, depth 8, 8 bpp, obj \nno framebuffers here\n";

        I915Framebuffers r = I915FramebufferParser.parse(text, SOURCE);

        assertEquals(1, r.framebuffers().size());
        assertEquals(1, r.warnings().size());
        assertEquals(2, r.warnings().get(0).line());
    }

    @Test
    void truncatedTextDropsLastLine() {
        String text = "fbcon size: 1 x 1, depth 8, 8 bpp, obj \nuser size: 1920 x 10";

        I915Framebuffers r = I915FramebufferParser.parse(text, SOURCE);

        assertTrue(r.truncated());
        assertEquals(1, r.framebuffers().size());
        assertEquals(1, r.warnings().size());
    }

    @Test
    void emptyTextGivesNoRows() {
        I915Framebuffers r = I915FramebufferParser.parse("", SOURCE);

        assertEquals(List.of(), r.framebuffers());
        assertEquals(List.of(), r.warnings());
    }
}
