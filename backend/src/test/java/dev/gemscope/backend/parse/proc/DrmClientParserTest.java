package dev.gemscope.backend.parse.proc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.parse.proc.DrmClientInfo.DrmClientEra;
import dev.gemscope.backend.parse.proc.FdInfo.FdKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DRM client usage stats, through {@link FdInfoParser}. */
class DrmClientParserTest {

    private static final String SRC = "/proc/1/fdinfo/5";
    private static final long MIB = 1024 * 1024;

    /** i915 on 7.x: core lines, memory-stats helper regions, then engines (kernel-interfaces.md §2.3). */
    private static final String I915_7X = """
            pos:\t0
            flags:\t02100002
            mnt_id:\t24
            ino:\t1036
            drm-driver:\ti915
            drm-client-id:\t7
            drm-pdev:\t0000:00:02.0
            drm-total-system0:\t12 MiB
            drm-shared-system0:\t8 MiB
            drm-active-system0:\t0
            drm-resident-system0:\t12 MiB
            drm-purgeable-system0:\t0
            drm-total-stolen-system0:\t0
            drm-shared-stolen-system0:\t0
            drm-active-stolen-system0:\t0
            drm-resident-stolen-system0:\t0
            drm-purgeable-stolen-system0:\t0
            drm-engine-render:\t9288864723 ns
            drm-engine-copy:\t2035071108 ns
            drm-engine-video:\t0 ns
            drm-engine-capacity-video:\t2
            drm-engine-video-enhance:\t0 ns
            """;

    @Test
    void parsesI915SevenXExample() {
        FdInfo info = FdInfoParser.parse(I915_7X, SRC);

        assertEquals(FdKind.DRM, info.kind());
        DrmClientInfo drm = info.drm().orElseThrow();
        assertEquals("i915", drm.driver());
        assertEquals(OptionalLong.of(7), drm.clientId());
        assertEquals(Optional.of("0000:00:02.0"), drm.pdev());
        assertEquals(DrmClientEra.CORE_PRINTED, drm.era());
        assertTrue(drm.clientIdGlobal());
        assertEquals(List.of(), info.warnings());
        assertEquals(List.of(), List.copyOf(info.otherKeys().keySet()));
    }

    @Test
    void splitsDashedRegionNamesByKnownPrefixes() {
        DrmClientInfo drm = FdInfoParser.parse(I915_7X, SRC).drm().orElseThrow();

        assertEquals(List.of("system0", "stolen-system0"), drm.regions().stream().map(DrmMemoryRegion::name).toList());
        DrmMemoryRegion system = drm.region("system0").orElseThrow();
        assertEquals(OptionalLong.of(12 * MIB), system.total());
        assertEquals(OptionalLong.of(8 * MIB), system.shared());
        assertEquals(OptionalLong.of(12 * MIB), system.resident());
        assertEquals(OptionalLong.of(0), system.active());
        assertEquals(OptionalLong.of(0), system.purgeable());
        assertEquals(OptionalLong.empty(), system.legacyMemory());
        assertEquals(OptionalLong.of(0), drm.region("stolen-system0").orElseThrow().total());
    }

    @Test
    void splitsDashedEngineNamesAndCapacity() {
        DrmClientInfo drm = FdInfoParser.parse(I915_7X, SRC).drm().orElseThrow();

        assertEquals(List.of("render", "copy", "video", "video-enhance"),
                drm.engines().stream().map(DrmEngine::name).toList());
        assertEquals(OptionalLong.of(9288864723L), drm.engine("render").orElseThrow().busyNs());
        assertEquals(OptionalLong.of(2), drm.engine("video").orElseThrow().capacity());
        assertEquals(1, drm.engine("render").orElseThrow().effectiveCapacity());
        assertEquals(OptionalLong.of(0), drm.engine("video-enhance").orElseThrow().busyNs());
    }

    @Test
    void parsesPreSixFiveI915WithPerDeviceClientId() {
        // i915_drm_client_fdinfo() in 5.19-6.4: driver, pdev, then its own %u client id.
        String text = """
                pos:\t0
                flags:\t02100002
                mnt_id:\t24
                ino:\t512
                drm-driver:\ti915
                drm-pdev:\t0000:00:02.0
                drm-client-id:\t3
                drm-engine-render:\t123456 ns
                drm-engine-copy:\t0 ns
                drm-engine-video:\t0 ns
                drm-engine-video-enhance:\t0 ns
                """;

        DrmClientInfo drm = FdInfoParser.parse(text, SRC).drm().orElseThrow();

        assertEquals(DrmClientEra.DRIVER_PRINTED, drm.era());
        assertFalse(drm.clientIdGlobal());
        assertEquals(OptionalLong.of(3), drm.clientId());
        assertEquals(List.of(), drm.regions());
        assertEquals(4, drm.engines().size());
    }

    @Test
    void parsesAmdgpuLegacyMemoryKeysAndKeepsDriverKeysRaw() {
        // amdgpu_show_fdinfo() before 6.5: pasid first, and " \t" after two of the colons.
        String text = """
                pos:\t0
                flags:\t02100002
                mnt_id:\t24
                ino:\t800
                pasid:\t32770
                drm-driver:\tamdgpu
                drm-pdev:\t0000:03:00.0
                drm-client-id:\t41
                drm-memory-vram:\t16384 KiB
                drm-memory-gtt: \t2048 KiB
                drm-memory-cpu: \t0 KiB
                amd-evicted-vram:\t0 KiB
                drm-engine-gfx:\t1000 ns
                """;

        FdInfo info = FdInfoParser.parse(text, SRC);
        DrmClientInfo drm = info.drm().orElseThrow();

        assertEquals(DrmClientEra.DRIVER_PRINTED, drm.era());
        assertEquals(OptionalLong.of(16 * MIB), drm.region("vram").orElseThrow().legacyMemory());
        assertEquals(OptionalLong.of(16 * MIB), drm.region("vram").orElseThrow().residentOrLegacy());
        assertEquals(OptionalLong.of(2 * MIB), drm.region("gtt").orElseThrow().legacyMemory());
        assertEquals(List.of("pasid", "amd-evicted-vram"), List.copyOf(info.otherKeys().keySet()));
        assertEquals(OptionalLong.of(0), DrmUnits.bytes(info.otherKeys().get("amd-evicted-vram")));
        assertEquals(List.of(), info.warnings());
    }

    @Test
    void parsesMsmCyclesAndMaxfreq() {
        String text = """
                pos:\t0
                flags:\t02
                mnt_id:\t20
                ino:\t300
                drm-driver:\tmsm
                drm-client-id:\t9
                drm-engine-gpu:\t5000 ns
                drm-cycles-gpu:\t71234
                drm-maxfreq-gpu:\t587000000 Hz
                drm-total-memory:\t290 MiB
                drm-resident-memory:\t36496 KiB
                """;

        DrmClientInfo drm = FdInfoParser.parse(text, SRC).drm().orElseThrow();

        DrmEngine gpu = drm.engine("gpu").orElseThrow();
        assertEquals(OptionalLong.of(71234), gpu.cycles());
        assertEquals(OptionalLong.of(587_000_000L), gpu.maxFreqHz());
        assertEquals(OptionalLong.of(5000), gpu.busyNs());
        assertEquals(OptionalLong.of(290 * MIB), drm.region("memory").orElseThrow().total());
        assertEquals(OptionalLong.of(36496L * 1024), drm.region("memory").orElseThrow().resident());
        assertTrue(drm.pdev().isEmpty());
        assertTrue(drm.clientIdGlobal());
    }

    @Test
    void parsesTotalCyclesBeforeTotalRegionPrefix() {
        String text = "drm-driver:\txe\ndrm-client-id:\t2\ndrm-cycles-rcs:\t10\ndrm-total-cycles-rcs:\t99\n";

        DrmClientInfo drm = FdInfoParser.parse(text, SRC).drm().orElseThrow();

        assertEquals(OptionalLong.of(99), drm.engine("rcs").orElseThrow().totalCycles());
        assertEquals(List.of(), drm.regions());
    }

    @Test
    void readsClientNameAsASixThirteenKey() {
        String text = "drm-driver:\ti915\ndrm-pdev:\t0000:00:02.0\ndrm-client-id:\t12\ndrm-client-name:\tcompositor\n";

        DrmClientInfo drm = FdInfoParser.parse(text, SRC).drm().orElseThrow();

        assertEquals(Optional.of("compositor"), drm.clientName());
        assertEquals(DrmClientEra.CORE_PRINTED, drm.era());
    }

    @Test
    void keepsUnknownDrmKeysRawWithoutWarnings() {
        String text = "drm-driver:\tpanfrost\ndrm-client-id:\t14\ndrm-curfreq-fragment:\t799999987 Hz\n";

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals("799999987 Hz", info.otherKeys().get("drm-curfreq-fragment"));
        assertEquals(List.of(), info.drm().orElseThrow().engines());
        assertEquals(1, info.warnings().size()); // only the missing pos:/flags: header
    }

    @Test
    void acceptsGibDefensively() {
        String text = "drm-driver:\tx\ndrm-client-id:\t1\ndrm-total-vram:\t3 GiB\n";

        DrmClientInfo drm = FdInfoParser.parse(text, SRC).drm().orElseThrow();

        assertEquals(OptionalLong.of(3L << 30), drm.region("vram").orElseThrow().total());
    }

    @Test
    void warnsOnUnknownUnitOverflowAndEmptyNames() {
        String text = """
                pos:\t0
                flags:\t02
                drm-driver:\tx
                drm-client-id:\t1
                drm-total-vram:\t3 TiB
                drm-shared-vram:\t18446744073709551615 MiB
                drm-engine-:\t5 ns
                drm-engine-rcs:\t5 ms
                """;

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals(List.of(5, 6, 7, 8), info.warnings().stream().map(w -> w.line()).toList());
        assertEquals(List.of(), info.drm().orElseThrow().regions());
        assertEquals(List.of(), info.drm().orElseThrow().engines());
    }

    @Test
    void keepsFirstValueOfARepeatedKey() {
        String text = "drm-driver:\tx\ndrm-client-id:\t1\ndrm-engine-a:\t5 ns\ndrm-engine-a:\t6 ns\n";

        FdInfo info = FdInfoParser.parse(text, SRC);

        assertEquals(OptionalLong.of(5), info.drm().orElseThrow().engine("a").orElseThrow().busyNs());
        assertEquals(4, info.warnings().get(info.warnings().size() - 1).line());
    }

    @Test
    void warnsWhenDrmDriverIsMissing() {
        FdInfo info = FdInfoParser.parse("pos:\t0\nflags:\t02\ndrm-client-id:\t1\n", SRC);

        assertEquals("", info.drm().orElseThrow().driver());
        assertEquals(DrmClientEra.DRIVER_PRINTED, info.drm().orElseThrow().era());
        assertEquals(1, info.warnings().size());
    }

    @Test
    void treatsFdinfoWithOnlyHeaderAsOtherEvenForDrmNodes() {
        // A DRM fd on 5.18 and older prints only the generic lines.
        FdInfo info = FdInfoParser.parse("pos:\t0\nflags:\t02\nmnt_id:\t24\n", SRC);

        assertEquals(FdKind.OTHER, info.kind());
        assertTrue(info.drm().isEmpty());
    }
}
