package dev.gemscope.backend.parse.i915;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class I915GemObjectsParserTest {

    private static final String SOURCE = "/sys/kernel/debug/dri/0/i915_gem_objects";

    // 3.6 i915_gem_object_info()
    private static final String V3_6 = """
            1234 objects, 567890432 bytes
            1000 [200] objects, 400000000 [100000000] bytes in gtt
              10 [2] active objects, 4096000 [8192] bytes
              990 [198] inactive objects, 395904000 [99991808] bytes
            5 pinned mappable objects, 20971520 bytes
            7 fault mappable objects, 28672 bytes
            2147483648 [268435456] gtt total
            """;

    @Test
    void parsesThreeSixGlobalCounts() {
        I915GemObjects r = I915GemObjectsParser.parse(V3_6, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(GemObjectsEra.GLOBAL_COUNTS, r.era());
        assertEquals(OptionalLong.of(1234), r.objectCount());
        assertEquals(OptionalLong.of(567890432), r.bytes());
        assertEquals(OptionalLong.empty(), r.freeCount());
        assertEquals(List.of("in gtt", "active", "inactive", "pinned mappable", "fault mappable"),
                r.summaries().stream().map(GemSummaryLine::label).toList());
        GemSummaryLine active = r.summaries().get(1);
        assertEquals(10, active.count());
        assertEquals(OptionalLong.of(2), active.secondaryCount());
        assertEquals(4096000, active.bytes());
        assertEquals(OptionalLong.of(8192), active.secondaryBytes());
        assertEquals(3, active.line());
        assertEquals(OptionalLong.empty(), r.summaries().get(3).secondaryCount());
        assertEquals(OptionalLong.of(2147483648L), r.gttTotal());
        assertEquals(OptionalLong.of(268435456), r.mappableGttTotal());
        assertEquals(List.of(), r.clients());
        assertEquals(List.of(), r.regions());
    }

    // 3.10 i915_gem_object_info() (android-3.10.y): unbound/purgeable/mappable lines but no blank line and no
    // per-client lines; exact text of resources/fixtures/3.10-i915-prime
    private static final String V3_10 = """
            21 objects, 24231936 bytes
            20 [20] objects, 22134784 [22134784] bytes in gtt
              5 [5] active objects, 8593408 [8593408] bytes
              15 [15] inactive objects, 13541376 [13541376] bytes
            1 unbound objects, 2097152 bytes
            1 purgeable objects, 2097152 bytes
            5 pinned mappable objects, 16982016 bytes
            2 fault mappable objects, 11427840 bytes
            2147483648 [268435456] gtt total
            """;

    @Test
    void parsesThreeTenGlobalCountsWithoutClients() {
        I915GemObjects r = I915GemObjectsParser.parse(V3_10, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(GemObjectsEra.GLOBAL_COUNTS, r.era());
        assertEquals(OptionalLong.of(21), r.objectCount());
        assertEquals(OptionalLong.of(24231936), r.bytes());
        assertEquals(List.of("in gtt", "active", "inactive", "unbound", "purgeable", "pinned mappable",
                "fault mappable"), r.summaries().stream().map(GemSummaryLine::label).toList());
        GemSummaryLine unbound = r.summaries().get(3);
        assertEquals(1, unbound.count());
        assertEquals(2097152, unbound.bytes());
        assertEquals(Optional.empty(), unbound.qualifier());
        assertEquals(OptionalLong.of(2147483648L), r.gttTotal());
        assertEquals(OptionalLong.of(268435456), r.mappableGttTotal());
        assertEquals(List.of(), r.supportedPageSizes());
        assertEquals(List.of(), r.clients());
    }

    // 4.19 i915_gem_object_info(): bound/mapped/huge-paged/display lines, "%llu [%pa] gtt total", supported
    // page sizes, blank line, [k]contexts and clients; exact text of resources/fixtures/4.19-vgem-fences
    private static final String V4_19 = """
            25 objects, 29683712 bytes
            0 unbound objects, 0 bytes
            25 bound objects, 29683712 bytes
            0 purgeable objects, 0 bytes
            16 mapped objects, 434176 bytes
            0 huge-paged objects () 0 bytes
            2 display objects (globally pinned), 16588800 bytes
            4294967296 [0x0000000010000000] gtt total
            Supported page sizes: 2M, 64K, 4K

            [k]contexts: 12 objects, 417792 bytes (221184 active, 196608 inactive, 417792 global, 0 shared, 0 unbound)
            kmscube: 4 objects, 16687104 bytes (8327168 active, 24948736 inactive, 16588800 global, 0 shared, 0 unbound)
            prime_vgem: 3 objects, 4263936 bytes (4198400 active, 65536 inactive, 65536 global, 4259840 shared, 0 unbound)
            """;

    @Test
    void parsesFourNineteenSummaryLines() {
        I915GemObjects r = I915GemObjectsParser.parse(V4_19, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(GemObjectsEra.PER_CLIENT, r.era());
        assertEquals(OptionalLong.of(25), r.objectCount());
        assertEquals(List.of("unbound", "bound", "purgeable", "mapped", "huge-paged", "display"),
                r.summaries().stream().map(GemSummaryLine::label).toList());
        GemSummaryLine mapped = r.summaries().get(3);
        assertEquals(16, mapped.count());
        assertEquals(434176, mapped.bytes());
        GemSummaryLine huge = r.summaries().get(4);
        assertEquals(0, huge.count());
        assertEquals(0, huge.bytes());
        assertEquals(Optional.of(""), huge.qualifier());
        GemSummaryLine display = r.summaries().get(5);
        assertEquals(2, display.count());
        assertEquals(16588800, display.bytes());
        assertEquals(Optional.of("globally pinned"), display.qualifier());
        assertEquals(7, display.line());
        assertEquals(OptionalLong.of(4294967296L), r.gttTotal());
        assertEquals(OptionalLong.of(0x10000000), r.mappableGttTotal());
        assertEquals(List.of("2M", "64K", "4K"), r.supportedPageSizes());
        assertEquals(List.of("[k]contexts", "kmscube", "prime_vgem"),
                r.clients().stream().map(GemClientStats::name).toList());
        assertEquals(OptionalLong.of(4259840), r.clients().get(2).shared());
    }

    @Test
    void hugePagedLineKeepsItsPageSizes() {
        String text = "3 objects, 6291456 bytes\n0 unbound objects, 0 bytes\n"
                + "2 huge-paged objects (2M, 64K) 4194304 bytes\n";

        I915GemObjects r = I915GemObjectsParser.parse(text, SOURCE);

        assertEquals(List.of(), r.warnings());
        GemSummaryLine huge = r.summaries().get(1);
        assertEquals("huge-paged", huge.label());
        assertEquals(2, huge.count());
        assertEquals(4194304, huge.bytes());
        assertEquals(Optional.of("2M, 64K"), huge.qualifier());
    }

    // ≈5.3: "%u shrinkable objects, %llu bytes" without the free count
    @Test
    void shrinkableLineWithoutFreeCount() {
        String text = """
                9 shrinkable objects, 36864 bytes

                Xorg: 4 objects, 16384 bytes (0 active, 16384 inactive, 0 global, 0 shared, 0 unbound, 0 closed)
                """;

        I915GemObjects r = I915GemObjectsParser.parse(text, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(GemObjectsEra.SHRINKABLE, r.era());
        assertEquals(OptionalLong.of(9), r.objectCount());
        assertEquals(OptionalLong.empty(), r.freeCount());
        assertEquals(OptionalLong.of(36864), r.bytes());
        assertEquals(1, r.clients().size());
    }

    // 4.8: more global lines, a blank line, [k] pseudo-clients, then one line per DRM file
    private static final String V4_8 = """
            812 objects, 1073741824 bytes
            400 [100] objects, 536870912 [134217728] bytes in gtt
              20 [4] active objects, 8388608 [1048576] bytes
              380 [96] inactive objects, 528482304 [133169152] bytes
            412 unbound objects, 536870912 bytes
            3 purgeable objects, 12288 bytes
            2 pinned mappable objects, 8294400 bytes
            9 fault mappable objects, 36864 bytes
            4 [1] pin mapped objects, 16384 [4096] bytes [purgeable]
            4294967296 [268435456] gtt total

            [k]batch pool: 6 objects, 196608 bytes (0 active, 196608 inactive, 196608 global, 0 shared, 0 unbound)
            [k]contexts: 12 objects, 1572864 bytes (0 active, 1572864 inactive, 1572864 global, 0 shared, 0 unbound)
            Xorg: 230 objects, 402653184 bytes (8388608 active, 300000000 inactive, 12000000 global, 33177600 shared, 94265000 unbound)
            Web Content: x: 9 objects, 36864 bytes (0 active, 36864 inactive, 0 global, 36864 shared, 0 unbound)
            <unknown>: 1 objects, 4096 bytes (0 active, 0 inactive, 0 global, 0 shared, 4096 unbound)
            """;

    @Test
    void parsesFourEightPerClientLines() {
        I915GemObjects r = I915GemObjectsParser.parse(V4_8, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(GemObjectsEra.PER_CLIENT, r.era());
        assertEquals(OptionalLong.of(812), r.objectCount());
        GemSummaryLine pinMapped = r.summaries().stream().filter(s -> s.label().startsWith("pin mapped"))
                .findFirst().orElseThrow();
        assertEquals("pin mapped [purgeable]", pinMapped.label());
        assertEquals(OptionalLong.of(1), pinMapped.secondaryCount());
        assertEquals(OptionalLong.of(4096), pinMapped.secondaryBytes());
        assertEquals(OptionalLong.of(4294967296L), r.gttTotal());

        assertEquals(5, r.clients().size());
        GemClientStats pool = r.clients().get(0);
        assertEquals("[k]batch pool", pool.name());
        assertTrue(pool.kernel());
        GemClientStats xorg = r.clients().get(2);
        assertEquals("Xorg", xorg.name());
        assertFalse(xorg.kernel());
        assertEquals(230, xorg.objects());
        assertEquals(402653184, xorg.bytes());
        assertEquals(OptionalLong.of(8388608), xorg.active());
        assertEquals(OptionalLong.of(300000000), xorg.inactive());
        assertEquals(OptionalLong.of(12000000), xorg.global());
        assertEquals(OptionalLong.of(33177600), xorg.shared());
        assertEquals(OptionalLong.of(94265000), xorg.unbound());
        assertEquals(OptionalLong.empty(), xorg.closed());
        assertEquals(14, xorg.line());
        assertEquals("Web Content: x", r.clients().get(3).name());
        assertEquals("<unknown>", r.clients().get(4).name());
    }

    // 5.4: shrinkable line, blank line, per-client lines with "closed" and no global/shared
    @Test
    void parsesFiveFourShrinkableSummary() {
        String text = """
                17 shrinkable [3 free] objects, 69632 bytes

                gnome-shell: 120 objects, 251658240 bytes (4194304 active, 8388608 inactive, 0 unbound, 65536 closed)
                [k]contexts: 8 objects, 262144 bytes (0 active, 262144 inactive, 0 unbound, 0 closed)
                """;

        I915GemObjects r = I915GemObjectsParser.parse(text, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(GemObjectsEra.SHRINKABLE, r.era());
        assertEquals(OptionalLong.of(17), r.objectCount());
        assertEquals(OptionalLong.of(3), r.freeCount());
        assertEquals(OptionalLong.of(69632), r.bytes());
        GemClientStats shell = r.clients().get(0);
        assertEquals("gnome-shell", shell.name());
        assertEquals(OptionalLong.of(65536), shell.closed());
        assertEquals(OptionalLong.of(0), shell.unbound());
        assertEquals(OptionalLong.empty(), shell.global());
        assertEquals(OptionalLong.empty(), shell.shared());
        assertTrue(r.clients().get(1).kernel());
    }

    // 5.10: "%s: total:%pa, available:%pa bytes" per region, then clients
    @Test
    void parsesFiveTenRegionsWithAvailableBytes() {
        String text = """
                5 shrinkable [0 free] objects, 20480 bytes
                system: total:0x00000003e6a4b000, available:0x00000003e6a4b000 bytes
                stolen-system: total:0x0000000004000000, available:0x0000000003000000 bytes

                kwin_x11: 40 objects, 83886080 bytes (0 active, 83886080 inactive, 0 unbound, 0 closed)
                """;

        I915GemObjects r = I915GemObjectsParser.parse(text, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(GemObjectsEra.REGIONS_WITH_CLIENTS, r.era());
        assertEquals(2, r.regions().size());
        GemRegionStats stolen = r.regions().get(1);
        assertEquals("stolen-system", stolen.name());
        assertEquals(OptionalLong.of(0x4000000), stolen.total());
        assertEquals(OptionalLong.of(0x3000000), stolen.available());
        assertEquals(OptionalLong.empty(), stolen.useType());
        assertEquals(3, stolen.line());
        assertEquals(1, r.clients().size());
    }

    // 6.x/7.x: intel_memory_region_debug(): "total:%pa bytes" or ttm_resource_manager_debug() + buddy dump
    private static final String V6 = """
            0 shrinkable [0 free] objects, 0 bytes
            system: total:0x00000003e6a4b000 bytes
            local0:   use_type: 1
              use_tt: 0
              size: 17163091968
              usage: 1073741824
            default_page_size: 64KiB
            visible_avail: 256MiB
            visible_size: 256MiB
            visible_reserved: 0MiB
            chunk_size: 4KiB, total: 16368MiB, free: 15344MiB, clear_free: 0MiB
            order-22 free:    16384 MiB, blocks: 1
            order- 0 free:        4 KiB, blocks: 1
            reserved:
            0x0000000000000000-0x0000000000100000: 1048576
            stolen-local: total:0x0000000004000000 bytes
            """;

    @Test
    void parsesSixEraRegionsAndTtmDumpWithoutWarnings() {
        I915GemObjects r = I915GemObjectsParser.parse(V6, SOURCE);

        assertEquals(List.of(), r.warnings());
        assertEquals(GemObjectsEra.REGION_DEBUG, r.era());
        assertEquals(OptionalLong.of(0), r.objectCount());
        assertEquals(List.of("system", "local0", "stolen-local"), r.regions().stream().map(GemRegionStats::name)
                .toList());
        assertEquals(OptionalLong.of(0x3e6a4b000L), r.regions().get(0).total());
        assertEquals(OptionalLong.empty(), r.regions().get(0).available());

        GemRegionStats local = r.regions().get(1);
        assertEquals(OptionalLong.empty(), local.total());
        assertEquals(OptionalLong.of(1), local.useType());
        assertEquals(OptionalLong.of(0), local.useTt());
        assertEquals(OptionalLong.of(17163091968L), local.size());
        assertEquals(OptionalLong.of(1073741824), local.usage());
        assertEquals(64L << 10, local.dumpBytes().get("default_page_size"));
        assertEquals(256L << 20, local.dumpBytes().get("visible_avail"));
        assertEquals(16368L << 20, local.dumpBytes().get("total"));
        assertEquals(15344L << 20, local.dumpBytes().get("free"));
        assertEquals(4L << 10, local.dumpBytes().get("chunk_size"));
        assertEquals(List.of("order-22 free:    16384 MiB, blocks: 1", "order- 0 free:        4 KiB, blocks: 1",
                "reserved:", "0x0000000000000000-0x0000000000100000: 1048576"), local.dumpLines());
        assertEquals(3, local.line());
    }

    @Test
    void clientNameMayContainColonsParenthesesAndTabs() {
        String text = "1 shrinkable [0 free] objects, 4096 bytes\n"
                + "a: b (c)\tx: 2 objects, 8192 bytes (0 active, 8192 inactive, 0 unbound, 0 closed)\n";

        GemClientStats c = I915GemObjectsParser.parse(text, SOURCE).clients().get(0);

        assertEquals("a: b (c)\tx", c.name());
        assertEquals(2, c.objects());
    }

    @Test
    void unknownClientFieldIsWarnedButRowKept() {
        String text = "1 shrinkable [0 free] objects, 4096 bytes\n"
                + "app: 2 objects, 8192 bytes (0 active, 8192 inactive, 5 purged, 0 closed)\n";

        I915GemObjects r = I915GemObjectsParser.parse(text, SOURCE);

        assertEquals(1, r.clients().size());
        assertEquals(OptionalLong.of(0), r.clients().get(0).closed());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).reason().contains("5 purged"));
    }

    @Test
    void hugeNumbersUpToTwoToTheSixtyFourAreKeptAndBeyondWarned() {
        String text = """
                1 objects, 18446744073709551615 bytes
                app: 2 objects, 18446744073709551616 bytes (0 active, 0 inactive, 0 global, 0 shared, 0 unbound)
                """;

        I915GemObjects r = I915GemObjectsParser.parse(text, SOURCE);

        assertEquals("18446744073709551615", Long.toUnsignedString(r.bytes().orElseThrow()));
        assertEquals(List.of(), r.clients());
        assertEquals(1, r.warnings().size());
        assertEquals(2, r.warnings().get(0).line());
    }

    @Test
    void truncatedTextDropsLastLine() {
        String text = V6.substring(0, V6.indexOf("stolen-local") + 20);

        I915GemObjects r = I915GemObjectsParser.parse(text, SOURCE);

        assertTrue(r.truncated());
        assertEquals(List.of("system", "local0"), r.regions().stream().map(GemRegionStats::name).toList());
        assertEquals(1, r.warnings().size());
        assertEquals(16, r.warnings().get(0).line());
    }

    @Test
    void unknownLinesOutsideADumpAreWarned() {
        String text = V3_6 + "BLT: swapout 0 Bytes in 0 mSec(0 MB/Sec)\n";

        I915GemObjects r = I915GemObjectsParser.parse(text, SOURCE);

        assertEquals(GemObjectsEra.GLOBAL_COUNTS, r.era());
        assertEquals(1, r.warnings().size());
        assertEquals(8, r.warnings().get(0).line());
    }

    @Test
    void unknownFirstLineGivesUnknownEra() {
        I915GemObjects r = I915GemObjectsParser.parse("objects: lots\n", SOURCE);

        assertEquals(GemObjectsEra.UNKNOWN, r.era());
        assertEquals(OptionalLong.empty(), r.objectCount());
        assertEquals(1, r.warnings().size());
    }

    @Test
    void emptyTextGivesUnknownEraAndAWarning() {
        I915GemObjects r = I915GemObjectsParser.parse("", SOURCE);

        assertEquals(GemObjectsEra.UNKNOWN, r.era());
        assertFalse(r.truncated());
        assertEquals(1, r.warnings().size());
        assertEquals(0, r.warnings().get(0).line());
    }
}
