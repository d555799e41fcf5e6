package dev.gemscope.backend.parse.proc;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.proc.GpuMapping.Kind;
import dev.gemscope.backend.parse.proc.ProcMaps.DmaBufNaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapsParserTest {

    private static final String SRC = "/proc/42/maps";

    /** A 6.x/7.x process: ordinary lines mixed with every GPU kind gemscope classifies. */
    private static final String MODERN = """
            55d0c8a00000-55d0c8a28000 r--p 00000000 08:01 1311890                    /usr/bin/glxgears
            55d0c9f1e000-55d0ca0b1000 rw-p 00000000 00:00 0                          [heap]
            7f1c20000000-7f1c20800000 rw-s 00000000 00:0d 35442                      /dmabuf:
            7f1c21000000-7f1c21001000 rw-s 00001000 00:0d 35443                      /dmabuf:camera preview
            7f1c2a000000-7f1c2a800000 rw-s 100018000 00:05 1043                      /dev/dri/renderD128
            7f1c2b000000-7f1c2b400000 rw-s 10002a000 00:0e 7                         anon_inode:i915.gem
            7f1c2c000000-7f1c2c100000 rw-s 00000000 00:01 88123                      /i915 (deleted)
            7f1c2d000000-7f1c2d100000 rw-s 00000000 00:01 88124                      /drm mm object (deleted)
            7f1c2e000000-7f1c2e100000 rw-s 00000000 00:01 88125                      /i915-shmem-tt (deleted)
            7f1c2f000000-7f1c2f021000 r-xp 00000000 08:01 1442                       /usr/lib/libi915-helper.so
            7ffd1e9c5000-7ffd1e9e6000 rw-p 00000000 00:00 0                          [stack]
            """;

    @Test
    void findsEveryGpuMappingKindAndSkipsTheRest() {
        ProcMaps maps = MapsParser.parse(MODERN, SRC);

        assertEquals(List.of(Kind.DMA_BUF, Kind.DMA_BUF, Kind.DRM_NODE, Kind.I915_GEM, Kind.SHMEM_GEM, Kind.SHMEM_GEM,
                Kind.SHMEM_GEM), maps.mappings().stream().map(GpuMapping::kind).toList());
        assertEquals(11, maps.linesSeen());
        assertEquals(DmaBufNaming.DMABUF_FS, maps.dmaBufNaming());
        assertEquals(List.of(), maps.warnings());
    }

    @Test
    void readsAllColumnsOfADmaBufMapping() {
        GpuMapping m = MapsParser.parse(MODERN, SRC).mappings().get(1);

        assertEquals(0x7f1c21000000L, m.start());
        assertEquals(0x7f1c21001000L, m.end());
        assertEquals(4096, m.size());
        assertEquals("rw-s", m.perms());
        assertTrue(m.shared());
        assertEquals(0x1000, m.offset());
        assertEquals(0, m.devMajor());
        assertEquals(0x0d, m.devMinor());
        assertEquals(35443, m.inode());
        assertEquals("camera preview", m.name());
        assertEquals("/dmabuf:camera preview", m.path());
        assertFalse(m.gemFakeOffset());
    }

    @Test
    void readsAnUnnamedDmaBufAsEmptyName() {
        assertEquals("", MapsParser.parse(MODERN, SRC).mappings().get(0).name());
    }

    @Test
    void flagsGemFakeOffsetsOnDrmNodeAndI915GemMappings() {
        List<GpuMapping> m = MapsParser.parse(MODERN, SRC).mappings();

        assertEquals("renderD128", m.get(2).name());
        assertEquals(0x100018000L, m.get(2).offset());
        assertTrue(m.get(2).gemFakeOffset());
        assertTrue(m.get(3).gemFakeOffset());
        assertEquals("", m.get(3).name());
    }

    @Test
    void namesShmemBackedGemFilesAndMarksThemDeleted() {
        List<GpuMapping> m = MapsParser.parse(MODERN, SRC).mappings();

        assertEquals(List.of("i915", "drm mm object", "i915-shmem-tt"),
                m.subList(4, 7).stream().map(GpuMapping::name).toList());
        assertTrue(m.get(4).deleted());
        assertEquals(88123, m.get(4).inode());
    }

    @Test
    void readsPreFiveThreeAnonDmaBufAndThirtyTwoBitColumns() {
        String text = """
                b6e00000-b6f00000 rw-s 00000000 00:09 4076       anon_inode:dmabuf
                b7000000-b7100000 rw-s 10000000 00:05 611        /dev/dri/card0
                """;

        ProcMaps maps = MapsParser.parse(text, SRC);

        assertEquals(DmaBufNaming.ANON_INODE, maps.dmaBufNaming());
        assertEquals(Kind.DMA_BUF_ANON, maps.mappings().get(0).kind());
        assertEquals(0xb6e00000L, maps.mappings().get(0).start());
        assertEquals(Kind.DRM_NODE, maps.mappings().get(1).kind());
        assertFalse(maps.mappings().get(1).gemFakeOffset()); // 0x10000000 is below 4 GiB
    }

    @Test
    void doesNotFlagADrmNodeOffsetAboveTheFakeRange() {
        String text = "7f0000000000-7f0000001000 rw-s 20000000000 00:05 611 /dev/dri/card0\n";

        assertFalse(MapsParser.parse(text, SRC).mappings().get(0).gemFakeOffset());
    }

    @Test
    void computesTheFakeOffsetRangeBounds() {
        assertFalse(MapsParser.isGemFakeOffset(0xFFFFFFFFL));
        assertTrue(MapsParser.isGemFakeOffset(0x1_0000_0000L));
        assertTrue(MapsParser.isGemFakeOffset(0x1_0000_0000L + 0xFFFFF00000L - 1));
        assertFalse(MapsParser.isGemFakeOffset(0x1_0000_0000L + 0xFFFFF00000L));
        assertTrue(MapsParser.isGemFakeOffset(0x1_0000_0000L + 0xFFFF000000L - 1, 65536));
        assertFalse(MapsParser.isGemFakeOffset(0x1_0000_0000L + 0xFFFF000000L, 65536));
        assertFalse(MapsParser.isGemFakeOffset(-1));
        assertFalse(MapsParser.isGemFakeOffset(0x1_0000_0000L, 0));
    }

    @Test
    void readsWideMinorsAndHugeInodes() {
        String text = "7f0000000000-7f0000001000 rw-s 00000000 00:1a3 18446744073709551615 /dmabuf:x\n";

        GpuMapping m = MapsParser.parse(text, SRC).mappings().get(0);

        assertEquals(0x1a3, m.devMinor());
        assertEquals("18446744073709551615", Long.toUnsignedString(m.inode()));
    }

    @Test
    void warnsOnMalformedGpuLinesOnly() {
        String text = """
                zzzz-7f0000001000 rw-s 00000000 00:05 611 /dev/dri/card0
                zzzz-yyyy rw-p 00000000 08:01 12 /usr/lib/libc.so.6
                7f0000000000-7f0000001000 rw-s 00000000 00:05 x /dmabuf:a
                7f0000000000-7f0000001000 rw 00000000 00:05 5 /dmabuf:b
                """;

        ProcMaps maps = MapsParser.parse(text, SRC);

        assertEquals(List.of(), maps.mappings());
        assertEquals(List.of(1, 3, 4), maps.warnings().stream().map(w -> w.line()).toList());
    }

    @Test
    void skipsLinesWithoutAPathAndLookalikePaths() {
        String text = "7f0000000000-7f0000001000 rw-p 00000000 00:00 0 \n"
                + "7f0000001000-7f0000002000 rw-s 00000000 08:01 9 /i915x\n"
                + "7f0000002000-7f0000003000 rw-s 00000000 08:01 9 /dev/dri/by-path/pci-0000:00:02.0-render\n"
                + "7f0000003000-7f0000004000 rw-s 00000000 00:00 0 anon_inode:dmabuf2\n";

        ProcMaps maps = MapsParser.parse(text, SRC);

        assertEquals(List.of(), maps.mappings());
        assertEquals(List.of(), maps.warnings());
        assertEquals(4, maps.linesSeen());
    }

    @Test
    void reportsACutLastLineWithoutParsingIt() {
        String text = "7f0000000000-7f0000001000 rw-s 00000000 00:0d 5 /dmabuf:a\n7f00000010";

        ProcMaps maps = MapsParser.parse(text, SRC);

        assertEquals(1, maps.mappings().size());
        assertEquals(2, maps.warnings().get(0).line());
    }

    @Test
    void handlesEmptyAndNullText() {
        assertEquals(0, MapsParser.parse("", SRC).linesSeen());
        assertEquals(DmaBufNaming.NONE_SEEN, MapsParser.parse(null, SRC).dmaBufNaming());
    }
}
