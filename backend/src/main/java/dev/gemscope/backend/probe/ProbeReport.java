package dev.gemscope.backend.probe;

import dev.gemscope.backend.model.FailedOperation;
import dev.gemscope.backend.model.ProbeResult;
import java.util.List;

/**
 * What one battery run produced.
 *
 * @param kernelRelease {@code uname -r} of the kernel probed
 * @param results one row per rule and device, then the cleanup row
 * @param failures the expected refusals seen, explained
 * @param wallMillis how long the battery took
 */
public record ProbeReport(String kernelRelease, List<ProbeResult> results, List<FailedOperation> failures,
        long wallMillis) {

    public ProbeReport {
        results = List.copyOf(results);
        failures = List.copyOf(failures);
    }

    /** True if any row failed (the CLI's exit code 1). */
    public boolean anyFailed() {
        return results.stream().anyMatch(r -> r.outcome() == ProbeResult.Outcome.FAIL);
    }

    /** How many rows have this outcome. */
    public long count(ProbeResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
