package dev.gemscope.backend.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.parse.KernelVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The battery's expectations per kernel era and driver, without a device. */
class RuleExpectationsTest {

    private static final Map<String, Rule> RULES = ProbeBattery.rules().stream()
            .collect(Collectors.toMap(Rule::id, Function.identity()));

    private static KernelVersion k(String v) {
        return KernelVersion.parse(v);
    }

    @Test
    void everyRuleHasAUniqueIdATitleAndACitation() {
        Set<String> ids = new HashSet<>();
        for (Rule r : ProbeBattery.rules()) {
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            assertTrue(r.id().matches("\\d+a?(-[a-z]+)?"), r.id());
            assertFalse(r.title().isBlank());
            assertTrue(r.citation().matches(".*\\.c\\b.*|.*IGT.*"), r.id() + " cites a kernel file: " + r.citation());
        }
        // §7 rules that cannot be checked once from user space here: 10 (needs a second authenticated
        // card file), 17 (a race), 25 (i915 userptr).
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "11", "11-udmabuf", "11-heap", "11a", "12", "13", "14", "15", "16",
                "18", "19", "20", "21", "22", "23", "24", "26", "27", "28", "29", "30", "31", "32", "33"),
                ProbeBattery.rules().stream().map(Rule::id).toList());
    }

    @Test
    void legacyMmapOfAnImportIsEinvalUntil49AndEnxioFrom410() {
        Rule r19 = RULES.get("19");
        assertEquals("EINVAL", r19.expected("i915", k("3.10.0-1160.el7.x86_64")));
        assertEquals("EINVAL", r19.expected("i915", k("4.9.0-19-amd64")));
        assertEquals("ENXIO", r19.expected("i915", k("4.10.0")));
        assertTrue(r19.expected("i915", k("6.12.57")).startsWith("ENXIO"));
        assertEquals(List.of(Errno.EINVAL), List.of(I915Rules.R19.accepted(k("4.9.0"))));
        assertEquals(List.of(Errno.ENXIO), List.of(I915Rules.R19.accepted(k("5.4.0"))));
        assertEquals(List.of(Errno.ENXIO, Errno.EOPNOTSUPP), List.of(I915Rules.R19.accepted(k("6.1.0"))));
    }

    @Test
    void preadOfAnImportWasRefusedOnlyBeforeTheFilpCheckWent() {
        Rule r18 = RULES.get("18");
        assertEquals("EINVAL", r18.expected("i915", k("3.10.0")));
        assertEquals("EINVAL", r18.expected("i915", k("4.8.17")));
        assertTrue(r18.expected("i915", k("4.9.0")).contains("EINVAL or copied"));
        assertEquals("copied", r18.expected("i915", k("5.4.0")));
        assertTrue(r18.expected("i915", k("6.12.0")).contains("EOPNOTSUPP"));
    }

    @Test
    void i915RulesAreNotApplicableWithoutI915AndMmapOffsetNeeds55() {
        for (String id : List.of("18", "19", "20", "21")) {
            for (String driver : List.of("vgem", "virtio_gpu", "amdgpu")) {
                assertTrue(RULES.get(id).notApplicable(driver, k("6.12.0")).orElseThrow().contains("i915-only"), id);
            }
            if (!id.equals("21")) {
                assertTrue(RULES.get(id).notApplicable("i915", k("4.9.0")).isEmpty(), id);
            }
        }
        assertTrue(RULES.get("21").notApplicable("i915", k("5.4.0")).orElseThrow().contains("5.5"));
        assertTrue(RULES.get("21").notApplicable("i915", k("5.5.0")).isEmpty());
        assertEquals("ENODEV", RULES.get("21").expected("i915", k("6.12.0")));
    }

    @Test
    void virtioGpuRefusesForeignBuffersAndMayAcceptBlobsFrom613() {
        assertEquals("ENODEV", RULES.get("11").expected("virtio_gpu", k("6.1.0")));
        assertEquals("ENODEV", RULES.get("16").expected("virtio_gpu", k("6.12.0")));
        assertTrue(RULES.get("11").expected("virtio_gpu", k("7.2.0")).contains("blob"));
        assertTrue(RULES.get("11").expected("vgem", k("6.1.0")).contains("one attachment"));
    }

    @Test
    void setNameWhileAttachedByEra() {
        Rule r33 = RULES.get("33");
        assertTrue(r33.notApplicable("vgem", k("5.2.0")).isPresent());
        assertEquals("EBUSY", r33.expected("vgem", k("5.10.0")));
        assertTrue(r33.expected("vgem", k("5.15.0")).startsWith("EBUSY or named"));
        assertTrue(r33.expected("vgem", k("6.1.0")).startsWith("named"));
    }

    @Test
    void exporterNamesAndFenceFormatsByEra() {
        assertTrue(RULES.get("1").expected("vgem", k("6.1.0")).endsWith("exp_name drm"));
        assertTrue(RULES.get("1").expected("i915", k("6.1.0")).endsWith("exp_name i915"));
        assertTrue(RULES.get("1").expected("virtio_gpu", k("6.12.0")).endsWith("exp_name virtio_gpu"));
        assertEquals("fd >= 0", RULES.get("1").expected("amdgpu", k("6.12.0")));
        Rule r29 = RULES.get("29");
        assertEquals("write fence vgem unbound unsignalled, no context", r29.expected("vgem", k("6.12.0")));
        assertEquals("write fence vgem unbound unsignalled, with context", r29.expected("vgem", k("7.2.0")));
        assertEquals("exclusive fence vgem unbound unsignalled, no context", r29.expected("vgem", k("5.10.0")));
        assertTrue(r29.notApplicable("virtio_gpu", k("6.12.0")).isPresent());
        assertTrue(RULES.get("28").notApplicable("vgem", k("6.1.0")).isEmpty());
    }

    @Test
    void flagRulesStartWithTheirUapi() {
        assertTrue(RULES.get("24").notApplicable("vgem", k("4.5.0")).orElseThrow().contains("4.6"));
        assertTrue(RULES.get("26").notApplicable("vgem", k("4.5.0")).orElseThrow().contains("4.6"));
        assertTrue(RULES.get("26").notApplicable("vgem", k("4.6.0")).isEmpty());
        assertEquals("EACCES", RULES.get("24").expected("vgem", k("6.1.0")));
    }
}
