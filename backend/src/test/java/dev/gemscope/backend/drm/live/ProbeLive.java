package dev.gemscope.backend.drm.live;

import static dev.gemscope.backend.drm.live.LiveKernel.DRM;
import static dev.gemscope.backend.drm.live.LiveKernel.VERSION;
import static dev.gemscope.backend.drm.live.LiveKernel.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.gemscope.backend.explain.Explanations;
import dev.gemscope.backend.model.FailedOperation;
import dev.gemscope.backend.model.ProbeResult;
import dev.gemscope.backend.model.ProbeResult.Outcome;
import dev.gemscope.backend.probe.ProbeBattery;
import dev.gemscope.backend.probe.ProbeContext;
import dev.gemscope.backend.probe.ProbeDevice;
import dev.gemscope.backend.probe.ProbeDevices;
import dev.gemscope.backend.probe.ProbeReport;
import dev.gemscope.backend.source.SystemRoot;

/**
 * The PRIME rule battery ({@code gemscope probe}) on the bench's vgem and virtio-gpu: no rule may
 * FAIL, each rule is PASS or NOT APPLICABLE exactly as this kernel and driver dictate, and the
 * battery's own cleanup check passes (LiveTestBase checks it again from the outside).
 */
@Tag("live")
class ProbeLive extends LiveTestBase {

    private static final Set<String> I915_ONLY = Set.of("18", "19", "20", "21");
    private static final Set<String> VGEM_ONLY = Set.of("28", "29");
    private static final Set<String> ALLOCATORS = Set.of("11-udmabuf", "11-heap");

    @Test
    void batteryOnVgemAndVirtioGpu() {
        List<ProbeDevice> all = ProbeDevices.discover(DRM);
        List<ProbeDevice> chosen = ProbeDevices.select(all, List.of("vgem", "virtio_gpu"));
        assertEquals(2, chosen.size(), "vgem and virtio_gpu: " + all);
        ProbeContext ctx = new ProbeContext(DRM, SystemRoot.live(), VERSION.release(), all, Explanations.builtIn(),
                Clock.systemUTC());
        ProbeReport report = new ProbeBattery(ctx).run(chosen);
        for (ProbeResult r : report.results()) {
            record(String.format("probe %-10s %-24s %-14s %s | %s", r.ruleId(), r.device(), r.outcome(),
                    r.observed(), r.reason() == null ? "" : r.reason()));
        }
        record("probe wall " + report.wallMillis() + " ms, " + report.failures().size() + " expected failures recorded");

        for (ProbeResult r : report.results()) {
            assertTrue(r.outcome() != Outcome.FAIL, "rule " + r.ruleId() + " on " + r.device() + " FAILED: observed "
                    + r.observed() + ", expected " + r.expected() + ": " + r.reason());
            assertEquals(expectedOutcome(r), r.outcome(), "rule " + r.ruleId() + " on " + r.device() + ": "
                    + r.reason());
        }
        ProbeResult cleanup = report.results().get(report.results().size() - 1);
        assertEquals("cleanup", cleanup.ruleId());
        assertEquals(Outcome.PASS, cleanup.outcome());
        assertTrue(cleanup.reason() == null, "bufinfo was read for the cleanup check: " + cleanup.reason());

        // virtio_gpu refuses foreign buffers on every bench kernel (QEMU offers no blob resources).
        assertTrue(row(report, "11", "virtio_gpu").observed().startsWith("ENODEV"));
        assertTrue(row(report, "11", "vgem").observed().contains("one attachment vgem"));

        List<FailedOperation> failures = report.failures();
        assertFalse(failures.isEmpty());
        assertTrue(failures.stream().allMatch(f -> "probe".equals(f.source()) && f.objectRef().startsWith("probe:")));
        FailedOperation enodev = failures.stream()
                .filter(f -> f.operation().equals("DRM_IOCTL_PRIME_FD_TO_HANDLE") && f.errnoName().equals("ENODEV"))
                .findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, enodev.expectedByDesign());
        assertTrue(enodev.explanation().contains("virtgpu_prime.c"), enodev.explanation());
        assertTrue(failures.stream().allMatch(f -> f.explanation() != null),
                "every expected failure is explained: " + failures.stream().filter(f -> f.explanation() == null)
                        .map(f -> f.operation() + " " + f.errnoName()).toList());
    }

    /** What each rule must give on this kernel, for vgem and virtio_gpu. */
    private static Outcome expectedOutcome(ProbeResult r) {
        boolean vgem = r.device().startsWith("vgem");
        if (I915_ONLY.contains(r.ruleId())) {
            return Outcome.NOT_APPLICABLE;
        }
        if (VGEM_ONLY.contains(r.ruleId())) {
            return vgem ? Outcome.PASS : Outcome.NOT_APPLICABLE;
        }
        if (ALLOCATORS.contains(r.ruleId())) {
            // Debian's 6.1 has neither CONFIG_UDMABUF nor CONFIG_DMABUF_HEAPS (live-kernel.md).
            return VERSION.atLeast(6, 12) ? Outcome.PASS : Outcome.NOT_APPLICABLE;
        }
        return Outcome.PASS;
    }

    private static ProbeResult row(ProbeReport report, String id, String devicePrefix) {
        return report.results().stream().filter(r -> r.ruleId().equals(id) && r.device().startsWith(devicePrefix))
                .findFirst().orElseThrow();
    }
}
