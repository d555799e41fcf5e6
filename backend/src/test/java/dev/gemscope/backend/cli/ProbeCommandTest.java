package dev.gemscope.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.model.ProbeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gemscope probe} off the bench: help, usage errors, the table. The battery itself is ProbeLive's. */
class ProbeCommandTest {

    @Test
    void helpSaysTheProbeCreatesObjects() {
        CliTest.Run r = CliTest.run("probe", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("NOT read-only"), r.out());
        assertTrue(r.out().contains("1:at least one rule FAILed") || r.out().contains("at least one rule FAILed"), r.out());
    }

    @Test
    void withoutDevicesTheProbeSaysSoInOneLine() {
        // The build machines have no /dev/dri; on a machine with DRM devices a made-up name is refused instead.
        CliTest.Run r = CliTest.run("probe", "no-such-device");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("gemscope: "), r.err());
        if (!Files.isDirectory(Path.of("/dev/dri"))) {
            assertTrue(r.err().contains("no DRM devices"), r.err());
        } else {
            assertTrue(r.err().contains("no-such-device") || r.err().contains("cannot open"), r.err());
        }
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, CliTest.run("probe", "--bogus").code());
    }

    @Test
    void tableHasTheDocumentedColumnsAndShowsTheReasonOrTheCitation() {
        String t = ProbeCommand.table(List.of(
                new ProbeResult("19", "mmap", "vgem", ProbeResult.Outcome.NOT_APPLICABLE, "ENXIO", null,
                        "vgem is not i915", "i915_gem_mman.c"),
                new ProbeResult("7", "self-import", "vgem", ProbeResult.Outcome.PASS, "same handle", "same handle 1",
                        null, "drm_prime.c")));
        List<String> lines = t.lines().toList();
        assertTrue(lines.get(0).matches("RULE +DEVICE +OUTCOME +EXPECTED +OBSERVED +WHY"), lines.get(0));
        assertTrue(lines.get(1).contains("NOT_APPLICABLE") && lines.get(1).endsWith("vgem is not i915"), lines.get(1));
        assertTrue(lines.get(2).endsWith("drm_prime.c"), lines.get(2));
    }
}
