package dev.gemscope.backend.parse.i915;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.i915.ObjectFlags.PinFlag;
import dev.gemscope.backend.parse.i915.ObjectFlags.Tiling;
import dev.gemscope.backend.parse.i915.VmaBinding.Space;

class I915ObjectListParserTest {

    private static final String DEBUGFS = "/sys/kernel/debug/dri/0/";

    // 3.6 i915_gem_object_list_info(): "Active:" header, "%p: %s%s %8zdKiB %04x %04x %d %d%s%s%s"
    private static final String ACTIVE_3_6 = """
            Active:
               ffff88011a2b3c00: PX    16384KiB 0041 0000 1234 0 snooped (LLC) dirty (name: 3) (fence: 2) \
            (gtt offset: 00100000, size: 01000000) (pf mappable) (render ring)
               ffff88011a2b4000:           4KiB 0001 0000 -1 -2 uncached purgeable
            Total 2 objects, 16781312 bytes, 16781312 GTT size
            """;

    @Test
    void parsesThreeSixActiveList() {
        I915ObjectList list = I915ObjectListParser.parse(ACTIVE_3_6, DEBUGFS + "i915_gem_active");

        assertEquals(List.of(), list.warnings());
        assertEquals("i915_gem_active", list.list());
        assertEquals(Optional.of(DescribeFormat.V3_6), list.format());
        assertEquals(List.of("Active"), list.sections());
        assertEquals(2, list.objects().size());

        DescribedObject first = list.objects().get(0);
        assertEquals("ffff88011a2b3c00", first.pointer());
        assertEquals(Optional.of("ffff88011a2b3c00"), first.mergeKey());
        assertEquals(Optional.of("Active"), first.section());
        assertEquals(2, first.line());
        assertEquals(Optional.of(PinFlag.USER_PINNED), first.flags().pin());
        assertEquals(Tiling.X, first.flags().tiling());
        assertEquals(Optional.empty(), first.flags().kernelMapped());
        assertEquals(16384, first.sizeKiB());
        assertEquals(OptionalLong.of(16384L * 1024), first.sizeBytes());
        assertEquals(0x41, first.readDomains());
        assertEquals(0, first.writeDomain());
        assertEquals(OptionalLong.of(1234), first.seqnos().lastRendering());
        assertEquals(OptionalLong.of(0), first.seqnos().lastFenced());
        assertEquals("snooped (LLC)", first.cacheLevel());
        assertTrue(first.dirty());
        assertFalse(first.purgeable());
        assertEquals(OptionalLong.of(3), first.flinkName());
        assertEquals(OptionalLong.of(2), first.fenceRegister());
        assertEquals(List.of(new VmaBinding(Space.GTT, 0x100000, 0x1000000, Optional.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), "gtt offset: 00100000, size: 01000000")), first.bindings());
        assertTrue(first.pinMappable());
        assertTrue(first.faultMappable());
        assertEquals(Optional.of("render ring"), first.engine());

        DescribedObject second = list.objects().get(1);
        assertEquals(Optional.of(PinFlag.NONE), second.flags().pin());
        assertEquals(Tiling.NONE, second.flags().tiling());
        assertEquals(OptionalLong.of(0xffff_ffffL), second.seqnos().lastRendering());
        assertEquals(OptionalLong.of(0xffff_fffeL), second.seqnos().lastFenced());
        assertEquals("uncached", second.cacheLevel());
        assertTrue(second.purgeable());
        assertEquals(OptionalLong.empty(), second.flinkName());

        assertEquals(List.of(new ListTotal(Optional.of("Active"), 2, 16781312, 16781312, 4)), list.totals());
    }

    // ≈3.13-4.2 describe_obj: "%pK: %s%s%s %8zdKiB %02x %02x %u %u %u%s%s%s", gtt list has no header
    @Test
    void parsesThreeFourteenLayoutWithGlobalFlag() {
        String text = """
                   ffff8800a1b2c3d0: pYg       64KiB 02 02 305 306 300 snooped or LLC (name: 5) (pinned x 1) \
                (display) (fence: 3) (ggtt offset: 00200000, size: 00010000, type: 0) (stolen: 00300000) \
                (p mappable) (blitter ring) (frontbuffer: 0x001)
                Total 1 objects, 65536 bytes, 65536 GTT size
                """;

        I915ObjectList list = I915ObjectListParser.parse(text, DEBUGFS + "i915_gem_pinned");

        assertEquals(List.of(), list.warnings());
        DescribedObject o = list.objects().get(0);
        assertEquals(DescribeFormat.V3_14, o.format());
        assertEquals(Optional.empty(), o.section());
        assertEquals("i915_gem_pinned", o.list());
        assertEquals(Optional.of(PinFlag.PINNED), o.flags().pin());
        assertEquals(Tiling.Y, o.flags().tiling());
        assertEquals(Optional.of(true), o.flags().globalBinding());
        assertEquals(List.of(305L), o.seqnos().lastRead());
        assertEquals(OptionalLong.of(306), o.seqnos().lastWrite());
        assertEquals(OptionalLong.of(300), o.seqnos().lastFenced());
        assertEquals("snooped or LLC", o.cacheLevel());
        assertEquals(OptionalLong.of(1), o.pinCount());
        assertTrue(o.display());
        VmaBinding ggtt = o.bindings().get(0);
        assertEquals(Space.GGTT, ggtt.space());
        assertEquals(OptionalLong.of(0), ggtt.viewType());
        assertEquals(OptionalLong.of(0x300000), o.stolenOffset());
        assertTrue(o.pinMappable());
        assertFalse(o.faultMappable());
        assertEquals(Optional.of("blitter ring"), o.engine());
        assertEquals(OptionalLong.of(1), o.frontbufferBits());
    }

    // 3.10 describe_obj (android-3.10.y i915_debugfs.c): "%pK: %s%s %8zdKiB %02x %02x %d %d %d%s%s%s", two
    // flags (pin, tiling) and three seqnos; exact lines of resources/fixtures/3.10-i915-prime i915_gem_gtt
    private static final String GTT_3_10 = """
               ffff88020f4a1000: p         4KiB 01 01 0 0 0 snooped (LLC) (pinned x 1) (gtt offset: 00000000, size: 00001000)
               ffff88020f4a1e00: p      8100KiB 40 40 0 0 0 uncached (pinned x 1) (gtt offset: 00080000, size: 007e9000) \
            (stolen: 00060000) (p mappable)
               ffff88020f4a1fc0: pX     8100KiB 02 02 91842 91842 91836 uncached dirty (pinned x 1) (fence: 0) \
            (gtt offset: 00880000, size: 007e9000) (pf mappable) (blitter ring)
               ffff88020f4a2500:  X      456KiB 02 00 0 0 0 snooped (LLC) (name: 1) (gtt offset: 0116d000, size: 00072000)
               ffff88020f4a26c0:          68KiB 40 00 91845 0 0 snooped (LLC) (gtt offset: 011df000, size: 00011000) \
            (render ring)
            Total 5 objects, 17129472 bytes, 17129472 GTT size
            """;

    @Test
    void parsesThreeTenGttListWithTwoFlagsAndThreeSeqnos() {
        I915ObjectList list = I915ObjectListParser.parse(GTT_3_10, DEBUGFS + "i915_gem_gtt");

        assertEquals(List.of(), list.warnings());
        assertEquals(Optional.of(DescribeFormat.V3_10), list.format());
        assertEquals(5, list.objects().size());

        DescribedObject status = list.objects().get(0);
        assertEquals("p ", status.flags().raw());
        assertEquals(Optional.of(PinFlag.PINNED), status.flags().pin());
        assertEquals(Tiling.NONE, status.flags().tiling());
        assertEquals(Optional.empty(), status.flags().globalBinding());
        assertEquals(4, status.sizeKiB());
        assertEquals("snooped (LLC)", status.cacheLevel());
        assertEquals(OptionalLong.of(1), status.pinCount());

        DescribedObject fbcon = list.objects().get(1);
        assertEquals(OptionalLong.of(0x60000), fbcon.stolenOffset());
        assertTrue(fbcon.pinMappable());
        assertFalse(fbcon.faultMappable());

        DescribedObject scanout = list.objects().get(2);
        assertEquals("pX", scanout.flags().raw());
        assertEquals(Tiling.X, scanout.flags().tiling());
        assertEquals(8100, scanout.sizeKiB());
        assertEquals(0x02, scanout.readDomains());
        assertEquals(0x02, scanout.writeDomain());
        assertEquals(List.of(91842L), scanout.seqnos().lastRead());
        assertEquals(OptionalLong.of(91842), scanout.seqnos().lastWrite());
        assertEquals(OptionalLong.of(91836), scanout.seqnos().lastFenced());
        assertEquals(OptionalLong.empty(), scanout.seqnos().lastRendering());
        assertEquals("uncached", scanout.cacheLevel());
        assertTrue(scanout.dirty());
        assertEquals(OptionalLong.of(0), scanout.fenceRegister());
        assertEquals(List.of(new VmaBinding(Space.GTT, 0x880000, 0x7e9000, Optional.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), "gtt offset: 00880000, size: 007e9000")),
                scanout.bindings());
        assertTrue(scanout.pinMappable());
        assertTrue(scanout.faultMappable());
        assertEquals(Optional.of("blitter ring"), scanout.engine());

        DescribedObject flinked = list.objects().get(3);
        assertEquals(" X", flinked.flags().raw());
        assertEquals(Optional.of(PinFlag.NONE), flinked.flags().pin());
        assertEquals(OptionalLong.of(1), flinked.flinkName());
        assertEquals(OptionalLong.empty(), flinked.pinCount());

        DescribedObject context = list.objects().get(4);
        assertEquals("  ", context.flags().raw());
        assertEquals(List.of(91845L), context.seqnos().lastRead());
        assertEquals(Optional.of("render ring"), context.engine());
    }

    @Test
    void threeTenSeqnosPrintedSignedAreReadAsUnsigned() {
        DescribeResult r = I915ObjectListParser.parseObject(
                "ffff88020f4a26c0:          68KiB 40 00 -2 -1 0 snooped (LLC)", "i915_gem_active", Optional.empty(), 1);

        assertEquals(List.of(), r.warnings());
        DescribedObject o = r.object().orElseThrow();
        assertEquals(DescribeFormat.V3_10, o.format());
        assertEquals(List.of(0xffff_fffeL), o.seqnos().lastRead());
        assertEquals(OptionalLong.of(0xffff_ffffL), o.seqnos().lastWrite());
    }

    // 4.19 describe_obj: "%pK: %c%c%c%c%c %8zdKiB %02x %02x %s%s%s" (active, pin_global, tiling, userfault,
    // vmap), no seqnos, "(global)" for pin_global; exact lines of resources/fixtures/4.19-vgem-fences i915_gem_gtt
    private static final String GTT_4_19 = """
               ffff8b611a2d0000:  p        8100KiB 40 40  uncached (pinned x 1) (global) (ggtt offset: 00000000, \
            size: 007e9000, pages: 4K, normal) (stolen: 00000000)
               ffff8b611a2d0280:     M        4KiB 01 01  LLC (pinned x 1) (ggtt offset: 007e9000, size: 00001000, \
            pages: 4K, normal)
               ffff8b611a2d2300: *   M       92KiB 40 40  LLC (pinned x 1) (ggtt offset: 0081e000, size: 00017000, \
            pages: 4K, normal)
               ffff8b611a2d2800:  pX       8100KiB 02 00  uncached (pinned x 1) (global) (ggtt offset: 00840000, \
            size: 007e9000, pages: 4K, normal , fence: 0) (ppgtt offset: 00100000, size: 007e9000, pages: 4K) \
            (frontbuffer: 0x001)
               ffff8b611a2d2a80: * X       8100KiB 02 02  uncached dirty (pinned x 0) (ggtt offset: 01040000, \
            size: 007e9000, pages: 4K, normal) (ppgtt offset: 008f0000, size: 007e9000, pages: 4K) (rcs0)
               ffff8b611a2d2d00:             64KiB 01 01  LLC (pinned x 0) (ppgtt offset: 010e0000, size: 00010000, \
            pages: 4K)
               ffff8b611a2d3c00:    g        64KiB 40 40  LLC dirty (pinned x 0) (ggtt offset: 01844000, \
            size: 00010000, pages: 4K, normal)
            Total 7 objects, 25112576 bytes, 25047040 GTT size
            """;

    @Test
    void parsesFourNineteenGttListWithFiveFlagsAndNoSeqnos() {
        I915ObjectList list = I915ObjectListParser.parse(GTT_4_19, DEBUGFS + "i915_gem_gtt");

        assertEquals(List.of(), list.warnings());
        assertEquals(Optional.of(DescribeFormat.V4_19), list.format());
        assertEquals(7, list.objects().size());

        DescribedObject fbcon = list.objects().get(0);
        assertEquals(" p   ", fbcon.flags().raw());
        assertEquals(Optional.of(false), fbcon.flags().active());
        assertEquals(Optional.of(PinFlag.DISPLAY), fbcon.flags().pin());
        assertEquals(Tiling.NONE, fbcon.flags().tiling());
        assertEquals(Optional.of(false), fbcon.flags().userFault());
        assertEquals(Optional.of(false), fbcon.flags().kernelMapped());
        assertEquals(Optional.empty(), fbcon.flags().globalBinding());
        assertEquals(Seqnos.NONE, fbcon.seqnos());
        assertEquals("uncached", fbcon.cacheLevel());
        assertTrue(fbcon.globalPin());
        assertFalse(fbcon.display());
        assertEquals(Optional.empty(), fbcon.engine());
        assertEquals(OptionalLong.of(0), fbcon.stolenOffset());
        assertEquals(Optional.of("normal"), fbcon.bindings().get(0).view());

        DescribedObject statusPage = list.objects().get(1);
        assertEquals("    M", statusPage.flags().raw());
        assertEquals(Optional.of(true), statusPage.flags().kernelMapped());
        assertEquals("LLC", statusPage.cacheLevel());
        assertFalse(statusPage.globalPin());

        assertEquals(Optional.of(true), list.objects().get(2).flags().active());

        DescribedObject scanout = list.objects().get(3);
        assertEquals(Optional.of(PinFlag.DISPLAY), scanout.flags().pin());
        assertEquals(Tiling.X, scanout.flags().tiling());
        assertTrue(scanout.globalPin());
        assertEquals(OptionalLong.of(0), scanout.bindings().get(0).fence());
        assertEquals(Optional.of("normal"), scanout.bindings().get(0).view());
        assertEquals(Space.PPGTT, scanout.bindings().get(1).space());
        assertEquals(OptionalLong.of(1), scanout.frontbufferBits());
        assertEquals(Optional.empty(), scanout.engine());

        DescribedObject rendering = list.objects().get(4);
        assertEquals(Optional.of(true), rendering.flags().active());
        assertEquals(Optional.of(PinFlag.NONE), rendering.flags().pin());
        assertTrue(rendering.dirty());
        assertEquals(OptionalLong.of(0), rendering.pinCount());
        assertEquals(Optional.of("rcs0"), rendering.engine());

        assertEquals(List.of(Space.PPGTT), list.objects().get(5).bindings().stream().map(VmaBinding::space).toList());

        DescribedObject faulted = list.objects().get(6);
        assertEquals(Optional.of(true), faulted.flags().userFault());
        assertEquals(Optional.of(false), faulted.flags().active());
    }

    // ≈5.3 describe_obj: "%pK: %c%c%c%c %8zdKiB %02x %02x %s%s%s" (pin_global, tiling, userfault, vmap)
    @Test
    void parsesFourFlagLayoutOfAboutFiveThree() {
        String text = String.format("ffff9c4b8f1e0000: %c%c%c%c %8dKiB %02x %02x%s%s", 'p', 'Y', 'g', 'M', 8100, 0x40,
                0, " uncached", " dirty") + " (ggtt offset: 00000000, size: 007e9000, pages: 4K, normal) "
                + "(pinned x 1) (global)";

        DescribeResult r = I915ObjectListParser.parseObject(text, "i915_gem_framebuffer", Optional.of("fbcon"), 1);

        assertEquals(List.of(), r.warnings());
        DescribedObject o = r.object().orElseThrow();
        assertEquals(DescribeFormat.V5_3, o.format());
        assertEquals(Optional.of(PinFlag.DISPLAY), o.flags().pin());
        assertEquals(Tiling.Y, o.flags().tiling());
        assertEquals(Optional.of(true), o.flags().userFault());
        assertEquals(Optional.of(true), o.flags().kernelMapped());
        assertEquals(Optional.empty(), o.flags().active());
        assertTrue(o.globalPin());
        assertTrue(o.dirty());
    }

    // 4.8 describe_obj: five flags and "[ per-engine seqnos ] %x %x"; i915_gem_gtt_info() prints no header
    private static final String GTT_4_8 = """
               ffff8800d5a1b000: *pXgM     8192KiB 42 02 [ 1a2b 0 0 0 ] 1a2b 0 LLC dirty (name: 7) (pinned x 2) \
            (display) (fence: 1) (ggtt offset: 00400000, size: 00800000, type: 0) \
            (ppgtt offset: 10000000, size: 00800000) (stolen: 00000000) (pf mappable) (render ring) (frontbuffer: 0x003)
               ffff8800d5a1c000:              4KiB 01 00 [ 0 0 0 0 ] 0 0 uncached (pinned x 0)
            Total 2 objects, 8392704 bytes, 8392704 GTT size
            """;

    @Test
    void parsesFourEightGttListWithEngineSeqnos() {
        I915ObjectList list = I915ObjectListParser.parse(GTT_4_8, DEBUGFS + "i915_gem_gtt");

        assertEquals(List.of(), list.warnings());
        assertEquals(Optional.of(DescribeFormat.V4_8), list.format());
        DescribedObject o = list.objects().get(0);
        assertEquals(Optional.of(true), o.flags().active());
        assertEquals(Optional.of(PinFlag.DISPLAY), o.flags().pin());
        assertEquals(Tiling.X, o.flags().tiling());
        assertEquals(Optional.of(true), o.flags().globalBinding());
        assertEquals(Optional.of(true), o.flags().kernelMapped());
        assertEquals(Optional.empty(), o.flags().userFault());
        assertEquals(List.of(0x1a2bL, 0L, 0L, 0L), o.seqnos().lastRead());
        assertEquals(OptionalLong.of(0x1a2b), o.seqnos().lastWrite());
        assertEquals(OptionalLong.of(0), o.seqnos().lastFenced());
        assertEquals("LLC", o.cacheLevel());
        assertEquals(OptionalLong.of(7), o.flinkName());
        assertEquals(OptionalLong.of(2), o.pinCount());
        assertEquals(List.of(Space.GGTT, Space.PPGTT), o.bindings().stream().map(VmaBinding::space).toList());
        assertEquals(0x10000000, o.bindings().get(1).offset());
        assertEquals(OptionalLong.empty(), o.bindings().get(1).viewType());
        assertEquals(OptionalLong.of(0), o.stolenOffset());
        assertEquals(OptionalLong.of(3), o.frontbufferBits());

        DescribedObject idle = list.objects().get(1);
        assertEquals(Optional.of(false), idle.flags().active());
        assertEquals(Optional.of(PinFlag.NONE), idle.flags().pin());
        assertEquals(OptionalLong.of(0), idle.pinCount());
        assertEquals(Optional.empty(), idle.engine());
    }

    @Test
    void keepsStolenSectionHeader() {
        String text = """
                Stolen:
                   ffff8800d5a1b000:   X       8192KiB 00 00 [ 0 0 0 0 ] 0 0 uncached (pinned x 1) (stolen: 00020000)
                Total 1 objects, 8388608 bytes, 0 GTT size
                """;

        I915ObjectList list = I915ObjectListParser.parse(text, DEBUGFS + "i915_gem_stolen");

        assertEquals(List.of(), list.warnings());
        assertEquals(Optional.of("Stolen"), list.objects().get(0).section());
        assertEquals(OptionalLong.of(0x20000), list.objects().get(0).stolenOffset());
        assertEquals(Optional.of("Stolen"), list.totals().get(0).section());
    }

    @Test
    void zeroPointerUnderKptrRestrictHasNoMergeKey() {
        String text = """
                   0000000000000000: *pXgM     8192KiB 42 02 [ 1a2b ] 1a2b 0 LLC (pinned x 2)
                Total 1 objects, 8388608 bytes, 8388608 GTT size
                """;

        DescribedObject o = I915ObjectListParser.parse(text, DEBUGFS + "i915_gem_gtt").objects().get(0);

        assertTrue(o.pointerHidden());
        assertEquals(Optional.empty(), o.mergeKey());
        assertEquals("0000000000000000", o.pointer());
    }

    @Test
    void sameObjectInTwoListsSharesMergeKeyButKeepsItsOrigin() {
        I915ObjectList gtt = I915ObjectListParser.parse(GTT_4_8, DEBUGFS + "i915_gem_gtt");
        String active = "Active:\n" + GTT_4_8.lines().limit(3).map(l -> l + "\n").reduce("", String::concat)
                + "Total 1 objects, 8388608 bytes, 8388608 GTT size\n";
        I915ObjectList act = I915ObjectListParser.parse(active, DEBUGFS + "i915_gem_active");

        DescribedObject a = gtt.objects().get(0);
        DescribedObject b = act.objects().get(0);
        assertEquals(a.mergeKey(), b.mergeKey());
        assertEquals("i915_gem_gtt", a.list());
        assertEquals("i915_gem_active", b.list());
        assertEquals(Optional.of("Active"), b.section());
        assertEquals(DEBUGFS + "i915_gem_active", b.source());
    }

    @Test
    void truncatedListDropsCutLineAndSaysSo() {
        String text = ACTIVE_3_6.substring(0, ACTIVE_3_6.indexOf("Total") + 8);

        I915ObjectList list = I915ObjectListParser.parse(text, "i915_gem_active");

        assertTrue(list.truncated());
        assertEquals(2, list.objects().size());
        assertEquals(List.of(), list.totals());
        assertEquals(1, list.warnings().size());
        assertTrue(list.warnings().get(0).reason().contains("cut short"));
    }

    @Test
    void listWithoutTotalLineIsFlagged() {
        String text = ACTIVE_3_6.substring(0, ACTIVE_3_6.indexOf("Total"));

        I915ObjectList list = I915ObjectListParser.parse(text, "i915_gem_active");

        assertFalse(list.truncated());
        assertEquals(2, list.objects().size());
        assertTrue(list.warnings().get(0).reason().contains("no 'Total' line"));
    }

    @Test
    void totalCountMismatchIsWarned() {
        String text = ACTIVE_3_6.replace("Total 2 objects", "Total 3 objects");

        I915ObjectList list = I915ObjectListParser.parse(text, "i915_gem_active");

        assertEquals(3, list.totals().get(0).objects());
        assertEquals(1, list.warnings().size());
        assertTrue(list.warnings().get(0).reason().contains("3 objects but 2"));
    }

    @Test
    void unknownSuffixIsWarnedButObjectKept() {
        String text = """
                   ffff8800d5a1c000:              4KiB 01 00 [ 0 ] 0 0 uncached (pinned x 0) (weird: 5) (lost)
                Total 1 objects, 4096 bytes, 4096 GTT size
                """;

        I915ObjectList list = I915ObjectListParser.parse(text, "i915_gem_gtt");

        DescribedObject o = list.objects().get(0);
        assertEquals(List.of("weird: 5"), o.unknownSuffixes());
        assertEquals(Optional.of("lost"), o.engine());
        assertEquals(1, list.warnings().size());
        assertEquals(1, list.warnings().get(0).line());
        assertTrue(list.warnings().get(0).reason().contains("weird: 5"));
    }

    @Test
    void hugeSizesAndOffsetsDoNotOverflow() {
        // 2^54-1 KiB needs 17 digits: %8zd then prints no padding at all
        String text = """
                   ffff8800d5a1c000:       18014398509481983KiB 01 00 [ 0 ] 0 0 (ggtt offset: fffffffffffff000, \
                size: 0000000000001000, type: 0)
                   ffff8800d5a1d000:       123456789KiB 01 00 [ 0 ] 0 0
                Total 2 objects, 18446744073709551615 bytes, 18446744073709551615 GTT size
                """;

        I915ObjectList list = I915ObjectListParser.parse(text, "i915_gem_gtt");

        assertEquals(List.of(), list.warnings());
        DescribedObject huge = list.objects().get(0);
        assertEquals(18014398509481983L, huge.sizeKiB());
        assertEquals(OptionalLong.empty(), huge.sizeBytes());
        assertEquals("fffffffffffff000", Long.toHexString(huge.bindings().get(0).offset()));
        assertEquals(OptionalLong.of(123456789L * 1024), list.objects().get(1).sizeBytes());
        assertEquals("18446744073709551615", Long.toUnsignedString(list.totals().get(0).bytes()));
    }

    @Test
    void oddFlagWidthParsesObjectWithoutFlags() {
        // six flag characters: no layout prints that many (two to five do exist)
        String text = """
                   ffff8800d5a1c000: ab            4KiB 01 00 uncached (pinned x 0)
                Total 1 objects, 4096 bytes, 4096 GTT size
                """;

        I915ObjectList list = I915ObjectListParser.parse(text, "i915_gem_gtt");

        DescribedObject o = list.objects().get(0);
        assertEquals(DescribeFormat.V5_4, o.format());
        assertEquals(Tiling.UNKNOWN, o.flags().tiling());
        assertEquals("ab    ", o.flags().raw());
        assertEquals(OptionalLong.of(0), o.pinCount());
        assertEquals(1, list.warnings().size());
    }

    @Test
    void unrecognisedLinesAreWarnedAndSkipped() {
        String text = "Active:\nsomething else entirely\n" + ACTIVE_3_6.substring(ACTIVE_3_6.indexOf('\n') + 1);

        I915ObjectList list = I915ObjectListParser.parse(text, "i915_gem_active");

        assertEquals(2, list.objects().size());
        assertEquals(1, list.warnings().size());
        assertEquals(2, list.warnings().get(0).line());
    }

    @Test
    void emptyTextGivesEmptyList() {
        I915ObjectList list = I915ObjectListParser.parse("", "i915_gem_gtt");

        assertEquals(List.of(), list.objects());
        assertEquals(Optional.empty(), list.format());
        assertFalse(list.truncated());
        assertEquals(List.of(), list.warnings());
    }

    // 5.4/5.10 i915_debugfs_describe_obj(): "%pK: %c%c%c %8zdKiB %02x %02x %s%s%s", per-VMA groups
    @Test
    void parsesFiveFourObjectWithVmaPagesViewAndFence() {
        String text = "ffff9c4b8f1e0000: XgM     8100KiB 40 00 uncached dirty (name: 2) "
                + "(ggtt offset: 00a00000, size: 007e9000, pages: 64K, normal , fence: 4) "
                + "(ppgtt offset: 00001000, size: 007e9000, pages: 4K) (pinned x 1) (stolen: 00000000) (fb) (rcs0)";

        DescribeResult r = I915ObjectListParser.parseObject(text, "/sys/kernel/debug/dri/0/i915_gem_framebuffer",
                Optional.of("user"), 7);

        assertEquals(List.of(), r.warnings());
        DescribedObject o = r.object().orElseThrow();
        assertEquals(DescribeFormat.V5_4, o.format());
        assertEquals("i915_gem_framebuffer", o.list());
        assertEquals(Optional.of("user"), o.section());
        assertEquals(7, o.line());
        assertEquals(Tiling.X, o.flags().tiling());
        assertEquals(Optional.of(true), o.flags().userFault());
        assertEquals(Optional.of(true), o.flags().kernelMapped());
        assertEquals(Optional.empty(), o.flags().pin());
        assertEquals(Optional.empty(), o.flags().globalBinding());
        assertEquals(Seqnos.NONE, o.seqnos());
        assertEquals(0x40, o.readDomains());
        assertEquals("uncached", o.cacheLevel());
        assertTrue(o.dirty());
        assertEquals(OptionalLong.of(2), o.flinkName());
        VmaBinding ggtt = o.bindings().get(0);
        assertEquals(Space.GGTT, ggtt.space());
        assertEquals(0xa00000, ggtt.offset());
        assertEquals(0x7e9000, ggtt.size());
        assertEquals(Optional.of("64K"), ggtt.pages());
        assertEquals(Optional.of("normal"), ggtt.view());
        assertEquals(OptionalLong.of(4), ggtt.fence());
        VmaBinding ppgtt = o.bindings().get(1);
        assertEquals(Space.PPGTT, ppgtt.space());
        assertEquals(Optional.of("4K"), ppgtt.pages());
        assertEquals(Optional.empty(), ppgtt.view());
        assertEquals(OptionalLong.empty(), ppgtt.fence());
        assertEquals(OptionalLong.empty(), o.fenceRegister());
        assertEquals(OptionalLong.of(1), o.pinCount());
        assertEquals(OptionalLong.of(0), o.stolenOffset());
        assertTrue(o.framebuffer());
        assertEquals(Optional.of("rcs0"), o.engine());
    }

    // 6.x: "(%s offset: …" with ggtt/dpt/ppgtt, PAT-index cache names that contain parentheses
    @Test
    void parsesSixEraObjectWithDptRotatedViewAndPatCacheName() {
        String text = "ffff9c4b8f1e8000:           16KiB 01 01 WB (1-Way Coh) purgeable "
                + "(ggtt offset: fee00000, size: 00004000, pages: M, partial [00001000+4000]) "
                + "(dpt offset: 00000000, size: 00004000, pages: , rotated [(8x16, src_stride=8, dst_stride=8, "
                + "offset=0), (0x0, src_stride=0, dst_stride=0, offset=0)]) (pinned x 0)";

        DescribeResult r = I915ObjectListParser.parseObject(text, "i915_gem_framebuffer", Optional.empty(), 1);

        assertEquals(List.of(), r.warnings());
        DescribedObject o = r.object().orElseThrow();
        assertEquals(Tiling.NONE, o.flags().tiling());
        assertEquals(Optional.of(false), o.flags().userFault());
        assertEquals("WB (1-Way Coh)", o.cacheLevel());
        assertTrue(o.purgeable());
        assertEquals(Optional.of("M"), o.bindings().get(0).pages());
        assertEquals(Optional.of("partial [00001000+4000]"), o.bindings().get(0).view());
        VmaBinding dpt = o.bindings().get(1);
        assertEquals(Space.DPT, dpt.space());
        assertEquals(Optional.of(""), dpt.pages());
        assertTrue(dpt.view().orElseThrow().startsWith("rotated [(8x16, src_stride=8"));
        assertTrue(dpt.view().orElseThrow().endsWith("offset=0)]"));
        assertEquals(Optional.empty(), o.engine());
    }

    @Test
    void sixEraUndefinedCacheNameKeepsBothWords() {
        DescribeResult r = I915ObjectListParser.parseObject(
                "ffff9c4b8f1e8000:   M       16KiB 01 00 not defined (pinned x 0)", "x", Optional.empty(), 1);

        DescribedObject o = r.object().orElseThrow();
        assertEquals("not defined", o.cacheLevel());
        assertEquals(Optional.of(true), o.flags().kernelMapped());
    }

    @Test
    void unknownBindingTailIsWarnedButBindingKept() {
        DescribeResult r = I915ObjectListParser.parseObject(
                "ffff9c4b8f1e8000:           16KiB 01 00 (ggtt offset: 00001000, size: 00004000, colour: 3)",
                "x", Optional.empty(), 3);

        assertEquals(1, r.object().orElseThrow().bindings().size());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).reason().contains("colour: 3"));
    }

    @Test
    void cutOffGroupIsWarned() {
        DescribeResult r = I915ObjectListParser.parseObject(
                "ffff9c4b8f1e8000:           16KiB 01 00 (name: 4) (ggtt offset: 0000", "x", Optional.empty(), 3);

        assertEquals(OptionalLong.of(4), r.object().orElseThrow().flinkName());
        assertTrue(r.warnings().stream().anyMatch(w -> w.reason().contains("unclosed")));
    }

    @Test
    void textThatIsNoObjectGivesOnlyAWarning() {
        DescribeResult r = I915ObjectListParser.parseObject("unused", "i915_gem_fence_regs", Optional.empty(), 2);

        assertEquals(Optional.empty(), r.object());
        assertEquals(1, r.warnings().size());
        assertEquals("i915_gem_fence_regs", r.warnings().get(0).source());
    }

    @Test
    void flagWidthFollowsThePaddingRuleForEverySizeWidth() {
        // lines built with the kernel's own format strings; sizes of 1, 8, 9 and 19 digits
        for (long kib : new long[] {1, 12345678, 123456789, 1234567890123456789L}) {
            String v5 = String.format("ffff9c4b8f1e0000: %c%c%c %8dKiB %02x %02x%s", ' ', 'g', ' ', kib, 1, 0,
                    " uncached");
            String v48 = String.format("ffff9c4b8f1e0000: %c%c%c%c%c %8dKiB %02x %02x [ %x ] %x %x%s", '*', ' ', 'Y',
                    ' ', 'M', kib, 1, 0, 5, 5, 0, " LLC");
            String v36 = String.format("ffff9c4b8f1e0000: %s%s %8dKiB %04x %04x %d %d%s", " ", "X", kib, 1, 0, 3, 2,
                    "");
            String v310 = String.format("ffff9c4b8f1e0000: %s%s %8dKiB %02x %02x %d %d %d%s", "p", "Y", kib, 1, 0, 3,
                    2, 1, " snooped (LLC)");
            String v419 = String.format("ffff9c4b8f1e0000: %c%c%c%c%c %8dKiB %02x %02x%s", ' ', 'p', 'X', ' ', 'M',
                    kib, 1, 0, " LLC");

            DescribedObject o5 = I915ObjectListParser.parseObject(v5, "x", Optional.empty(), 1).object().orElseThrow();
            DescribedObject o48 = I915ObjectListParser.parseObject(v48, "x", Optional.empty(), 1).object().orElseThrow();
            DescribedObject o36 = I915ObjectListParser.parseObject(v36, "x", Optional.empty(), 1).object().orElseThrow();
            DescribeResult r310 = I915ObjectListParser.parseObject(v310, "x", Optional.empty(), 1);
            DescribeResult r419 = I915ObjectListParser.parseObject(v419, "x", Optional.empty(), 1);

            assertEquals(kib, o5.sizeKiB(), v5);
            assertEquals(Optional.of(true), o5.flags().userFault(), v5);
            assertEquals(Tiling.Y, o48.flags().tiling(), v48);
            assertEquals(Optional.of(true), o48.flags().kernelMapped(), v48);
            assertEquals(Tiling.X, o36.flags().tiling(), v36);
            assertEquals(kib, o36.sizeKiB(), v36);
            assertEquals(List.of(), r310.warnings(), v310);
            assertEquals(DescribeFormat.V3_10, r310.object().orElseThrow().format(), v310);
            assertEquals(Tiling.Y, r310.object().orElseThrow().flags().tiling(), v310);
            assertEquals(kib, r310.object().orElseThrow().sizeKiB(), v310);
            assertEquals(List.of(), r419.warnings(), v419);
            assertEquals(DescribeFormat.V4_19, r419.object().orElseThrow().format(), v419);
            assertEquals(Tiling.X, r419.object().orElseThrow().flags().tiling(), v419);
            assertEquals(Optional.of(true), r419.object().orElseThrow().flags().kernelMapped(), v419);
        }
    }
}
