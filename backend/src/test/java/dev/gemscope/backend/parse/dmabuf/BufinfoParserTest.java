package dev.gemscope.backend.parse.dmabuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.ParseWarning;

/** Inputs are written from the format strings of each kernel's dma_buf_debug_show(). */
class BufinfoParserTest {

    private static final String HEADER_6X =
            "size    \tflags   \tmode    \tcount   \texp_name\tino     \tname\n";
    private static final String HEADER_5_3 = "size    \tflags   \tmode    \tcount   \texp_name\tino     \n";

    private static Bufinfo parse(String text) {
        return BufinfoParser.parse(text, "bufinfo");
    }

    private static boolean warned(Bufinfo info, String reasonPart) {
        return info.warnings().stream().anyMatch(w -> w.reason().contains(reasonPart));
    }

    @Test
    void parsesTheIllustrativeSixEraExample() {
        Bufinfo info = parse("""

                Dma-buf Objects:
                size    \tflags   \tmode    \tcount   \texp_name\tino    \s\tname
                00004096\t00000002\t00080007\t00000004\tdrm\t00000012\t<none>
                \twrite fence:vgem unbound seq 1 unsignalled
                \tAttached Devices:
                \t0000:00:02.0
                Total 1 devices attached


                Total 1 objects, 4096 bytes
                """);

        assertEquals(BufinfoEra.V5_19, info.era());
        assertEquals(List.of(), info.warnings());
        assertTrue(info.complete());
        assertEquals(Optional.of(new BufinfoTotals(1, 4096)), info.totals());
        BufinfoBuffer b = info.buffers().get(0);
        assertEquals(4096, b.size());
        assertEquals(0x2, b.flags());
        assertEquals(0x80007, b.mode());
        assertEquals(4, b.count());
        assertEquals("drm", b.expName());
        assertEquals(OptionalLong.of(12), b.ino());
        assertEquals(Optional.empty(), b.name());
        assertEquals(List.of(new BufinfoFence("write", "vgem", "unbound", OptionalLong.empty(),
                OptionalLong.of(1), false)), b.fences());
        assertEquals(List.of("0000:00:02.0"), b.attachments());
        assertEquals(OptionalInt.of(1), b.declaredAttachments());
        assertTrue(b.complete());
        assertEquals(4, b.line());
        assertEquals(Optional.of(b), info.byInode(12));
    }

    @Test
    void parsesThreeTenLayoutWithExpNameFirstAndDoubleTabs() {
        Bufinfo info = parse("""

                Dma-buf Objects:
                \texp_name\tsize\tflags\tmode\tcount
                \t\tdrivers/gpu/drm/i915/i915_gem_dmabuf.c\t00008192\t00000002\t0000001f\t00000002
                \t\tAttached Devices:
                \t\t(null)

                \t\tTotal 1 devices attached
                \tERROR locking buffer object: skipping

                Total 1 objects, 8192 bytes
                """);

        assertEquals(BufinfoEra.V3_10, info.era());
        assertEquals(1, info.buffers().size());
        BufinfoBuffer b = info.buffers().get(0);
        assertEquals("drivers/gpu/drm/i915/i915_gem_dmabuf.c", b.expName());
        assertEquals(8192, b.size());
        assertEquals(0x1f, b.mode());
        assertEquals(OptionalLong.empty(), b.ino());
        assertEquals(List.of("(null)"), b.attachments());
        assertEquals(OptionalInt.of(1), b.declaredAttachments());
        assertEquals(1, info.skippedBuffers());
        assertEquals(1, info.warnings().size());
        assertTrue(warned(info, "could not lock"));
    }

    @Test
    void parsesThreeFourteenLayoutAndCountsSkippedBuffers() {
        Bufinfo info = parse("""

                Dma-buf Objects:
                size\tflags\tmode\tcount\texp_name
                00004096\t00000000\t00000005\t00000001\ti915
                \tAttached Devices:
                Total 0 devices attached

                \tERROR locking buffer object: skipping
                00065536\t00000002\t00000007\t00000003\tdrm
                \tAttached Devices:
                \t0000:00:02.0
                Total 1 devices attached


                Total 2 objects, 69632 bytes
                """);

        assertEquals(BufinfoEra.V3_14, info.era());
        assertEquals(2, info.buffers().size());
        assertEquals("i915", info.buffers().get(0).expName());
        assertEquals(List.of(), info.buffers().get(0).attachments());
        assertEquals(OptionalInt.of(0), info.buffers().get(0).declaredAttachments());
        assertEquals(65536, info.buffers().get(1).size());
        assertEquals(List.of("0000:00:02.0"), info.buffers().get(1).attachments());
        assertEquals(1, info.skippedBuffers());
        assertEquals(1, info.warnings().size());
        assertEquals(8, info.warnings().get(0).line());
    }

    @Test
    void parsesFourTwelveSpacedFenceLinesWithTimelineSpaces() {
        Bufinfo info = parse("""

                Dma-buf Objects:
                size    \tflags   \tmode    \tcount   \texp_name
                00004096\t00000002\t00000007\t00000002\ti915
                \tExclusive fence: i915 Web Content[1234]/0 unsignalled
                \tShared fence: i915 Xorg[99]/2 signalled
                \tAttached Devices:
                Total 0 devices attached


                Total 1 objects, 4096 bytes
                """);

        assertEquals(BufinfoEra.V4_12, info.era());
        assertEquals(List.of(
                new BufinfoFence("exclusive", "i915", "Web Content[1234]/0", OptionalLong.empty(),
                        OptionalLong.empty(), false),
                new BufinfoFence("shared", "i915", "Xorg[99]/2", OptionalLong.empty(),
                        OptionalLong.empty(), true)),
                info.buffers().get(0).fences());
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void parsesFiveThreeInodeAndEmptyOrTabbedNames() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_5_3 + """
                00004096\t00000002\t00000007\t00000002\ti915\t00001234\t
                \tExclusive fence: i915 rcs0 signalled
                \tAttached Devices:
                Total 0 devices attached

                00008192\t00000000\t00000005\t00000001\tdrm\t00001235\tmy buffer\twith tab
                \tAttached Devices:
                Total 0 devices attached

                00008192\t00000000\t00000005\t00000001\tdrm\t00001236\t<none>
                \tAttached Devices:
                Total 0 devices attached


                Total 3 objects, 20480 bytes
                """);

        assertEquals(BufinfoEra.V5_3, info.era());
        assertEquals(List.of(), info.warnings());
        List<BufinfoBuffer> b = info.buffers();
        assertEquals(OptionalLong.of(1234), b.get(0).ino());
        assertEquals(Optional.empty(), b.get(0).name());
        assertEquals(Optional.of("my buffer\twith tab"), b.get(1).name());
        // Before 5.19 an unset name prints as "", so "<none>" was set by a program.
        assertEquals(Optional.of("<none>"), b.get(2).name());
    }

    @Test
    void detectsFiveSeventeenFromFenceWithoutSpaceAfterColon() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_5_3 + """
                00004096\t00000002\t00000007\t00000002\ti915\t00000007\t
                \tExclusive fence:i915 Web Content[12]/0 seq 345 unsignalled
                \tShared fence:drm_sched gfx seq 18446744073709551615 signalled
                \tAttached Devices:
                Total 0 devices attached


                Total 1 objects, 4096 bytes
                """);

        assertEquals(BufinfoEra.V5_17, info.era());
        List<BufinfoFence> f = info.buffers().get(0).fences();
        assertEquals(new BufinfoFence("exclusive", "i915", "Web Content[12]/0", OptionalLong.empty(),
                OptionalLong.of(345), false), f.get(0));
        assertEquals("shared", f.get(1).usage());
        assertEquals("18446744073709551615", Long.toUnsignedString(f.get(1).seqno().getAsLong()));
        assertTrue(f.get(1).signalled());
    }

    @Test
    void keepsFiveThreeEraWhenNoFencesTellItFromFiveSeventeen() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_5_3 + "\nTotal 0 objects, 0 bytes\n");

        assertEquals(BufinfoEra.V5_3, info.era());
        assertEquals(List.of(), info.buffers());
        assertTrue(info.complete());
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void parsesSevenEraContextFirstFencesAndEmptySignalledNames() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_6X + """
                00004096\t00000002\t00080007\t00000004\tdrm\t00000012\tscanout
                \tkernel fence:3:17 unbound vgem unsignalled
                \tread fence:12:345   signalled
                \tAttached Devices:
                \t0000:00:02.0
                Total 1 devices attached


                Total 1 objects, 4096 bytes
                """);

        assertEquals(BufinfoEra.V7, info.era());
        assertEquals(List.of(), info.warnings());
        assertEquals(Optional.of("scanout"), info.buffers().get(0).name());
        assertEquals(List.of(
                new BufinfoFence("kernel", "vgem", "unbound", OptionalLong.of(3), OptionalLong.of(17), false),
                new BufinfoFence("read", "", "", OptionalLong.of(12), OptionalLong.of(345), true)),
                info.buffers().get(0).fences());
    }

    @Test
    void keepsDuplicateAttachmentsInOrder() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_6X + """
                00004096\t00000002\t00080007\t00000005\tudmabuf\t00000003\t<none>
                \tAttached Devices:
                \t0000:00:02.0
                \t0000:03:00.0
                \t0000:00:02.0
                Total 3 devices attached


                Total 1 objects, 4096 bytes
                """);

        assertEquals(List.of("0000:00:02.0", "0000:03:00.0", "0000:00:02.0"),
                info.buffers().get(0).attachments());
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void warnsOnEmptyText() {
        for (String text : new String[] {"", "\n\n", null}) {
            Bufinfo info = parse(text);
            assertEquals(BufinfoEra.UNKNOWN, info.era());
            assertEquals(List.of(), info.buffers());
            assertFalse(info.complete());
            assertTrue(warned(info, "empty text"));
        }
        assertEquals(BufinfoParser.PATH, BufinfoParser.parse("").warnings().get(0).source());
    }

    @Test
    void returnsCompleteBuffersWhenLastLineIsCut() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_6X + """
                00004096\t00000002\t00080007\t00000002\ti915\t00000001\t<none>
                \tAttached Devices:
                Total 0 devices attached

                00008192\t00000002\t0008""".stripTrailing());

        assertFalse(info.complete());
        assertEquals(1, info.buffers().size());
        assertEquals(OptionalLong.of(1), info.buffers().get(0).ino());
        assertTrue(warned(info, "cut short"));
        assertTrue(warned(info, "no final 'Total"));
        assertEquals(8, info.warnings().stream().filter(w -> w.reason().contains("cut short"))
                .findFirst().map(ParseWarning::line).orElse(-1));
    }

    @Test
    void marksBufferCutInsideItsAttachmentsAsIncomplete() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_6X + """
                00004096\t00000002\t00080007\t00000002\ti915\t00000001\t<none>
                \tAttached Devices:
                Total 0 devices attached

                00008192\t00000002\t00080007\t00000003\tdrm\t00000002\t<none>
                \tread fence:vgem unbound seq 4 unsignalled
                \tAttached Devices:
                \t0000:00:02.0
                """);

        assertFalse(info.complete());
        assertEquals(2, info.buffers().size());
        BufinfoBuffer last = info.buffers().get(1);
        assertFalse(last.complete());
        assertEquals(List.of("0000:00:02.0"), last.attachments());
        assertEquals(OptionalInt.empty(), last.declaredAttachments());
        assertTrue(info.buffers().get(0).complete());
        assertTrue(warned(info, "may be missing"));
        assertTrue(warned(info, "no final 'Total"));
    }

    @Test
    void reportsUnknownLinesAndKeepsParsing() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_6X + """
                00004096\t00000002\t00080007\t00000002\ti915\t00000001\t<none>
                \tsomething new: 42
                \tbookkeep fence:i915 rcs0 seq 9 signalled
                \tAttached Devices:
                Total 0 devices attached

                garbage
                Total 1 objects, 4096 bytes
                trailing
                """);

        assertEquals(1, info.buffers().size());
        assertEquals("bookkeep", info.buffers().get(0).fences().get(0).usage());
        List<Integer> lines = info.warnings().stream().map(ParseWarning::line).toList();
        assertEquals(List.of(5, 10, 12), lines);
        assertTrue(warned(info, "after the final"));
    }

    @Test
    void keepsHugeSizeAsUnsignedAndRejectsOverflowingNumbers() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_6X + """
                18446744073709551615\t00000002\t00080007\t00000002\ti915\t18446744073709551615\t<none>
                \tAttached Devices:
                Total 0 devices attached

                99999999999999999999\t00000002\t00080007\t00000002\ti915\t00000002\t<none>
                \tread fence:i915 rcs0 seq 1 signalled
                \tAttached Devices:
                \t0000:00:02.0
                Total 1 devices attached

                00004096\t100000002\t00080007\t00000002\ti915\t00000003\t<none>
                \tAttached Devices:
                Total 0 devices attached


                Total 3 objects, 99999999999999999999 bytes
                """);

        assertEquals(1, info.buffers().size());
        BufinfoBuffer b = info.buffers().get(0);
        assertEquals("18446744073709551615", Long.toUnsignedString(b.size()));
        assertEquals("18446744073709551615", Long.toUnsignedString(b.ino().getAsLong()));
        assertTrue(warned(info, "size is not an unsigned number"));
        assertTrue(warned(info, "flags is not a 32-bit hex number"));
        assertTrue(warned(info, "totals are not numbers"));
        // The bad buffers' own fence and device lines are not reported again.
        assertEquals(3, info.warnings().size());
        assertEquals(Optional.empty(), info.totals());
    }

    @Test
    void warnsWhenKernelTotalsDisagreeWithParsedBuffers() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_6X + """
                00004096\t00000002\t00080007\t00000002\ti915\t00000001\t<none>
                \tAttached Devices:
                \t0000:00:02.0
                Total 2 devices attached


                Total 2 objects, 8192 bytes
                """);

        assertTrue(warned(info, "kernel counted 2 attachments, 1 device lines were read"));
        assertTrue(warned(info, "kernel totals 2 objects"));
        assertEquals(OptionalInt.of(2), info.buffers().get(0).declaredAttachments());
    }

    @Test
    void guessesLayoutWhenHeaderIsMissing() {
        Bufinfo info = parse("""
                00004096\t00000002\t00080007\t00000002\ti915\t00000001\t<none>
                \tAttached Devices:
                Total 0 devices attached


                Total 1 objects, 4096 bytes
                """);

        assertEquals(BufinfoEra.V5_19, info.era());
        assertEquals(Optional.empty(), info.buffers().get(0).name());
        assertTrue(warned(info, "layout guessed"));
        assertTrue(warned(info, "no 'Dma-buf Objects:' column header"));
    }

    @Test
    void reportsUnrecognisedHeaderAndSkipsItsBuffers() {
        Bufinfo info = parse("""

                Dma-buf Objects:
                size\tflags\tmode\tcount\texp_name\tino\tname\tcolour
                00004096\t00000002\t00080007\t00000002\ti915\t00000001\t<none>\tred
                Total 1 objects, 4096 bytes
                """);

        assertEquals(BufinfoEra.UNKNOWN, info.era());
        assertEquals(List.of(), info.buffers());
        assertTrue(warned(info, "column header not recognised"));
        assertTrue(warned(info, "before any recognised column header"));
    }

    @Test
    void reportsFenceLinesThatCannotBeRead() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_6X + """
                00004096\t00000002\t00080007\t00000002\ti915\t00000001\t<none>
                \twrite fence:i915 rcs0 seq 5 pending
                \tread fence:i915 seq x unsignalled
                \tAttached Devices:
                Total 0 devices attached


                Total 1 objects, 4096 bytes
                """);

        assertEquals(List.of(), info.buffers().get(0).fences());
        assertTrue(warned(info, "does not end in 'signalled'"));
        assertTrue(warned(info, "fence seq is not a number"));
    }

    @Test
    void keepsNameWithTrailingSpacesAndTabsVerbatim() {
        Bufinfo info = parse("\nDma-buf Objects:\n" + HEADER_6X
                + "00004096\t00000002\t00080007\t00000002\tsystem\t00000009\t a b\t\t \n"
                + "\tAttached Devices:\nTotal 0 devices attached\n\n\nTotal 1 objects, 4096 bytes\n");

        assertEquals(Optional.of(" a b\t\t "), info.buffers().get(0).name());
        assertEquals("system", info.buffers().get(0).expName());
    }
}
