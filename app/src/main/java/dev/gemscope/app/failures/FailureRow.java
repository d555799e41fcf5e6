package dev.gemscope.app.failures;

import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.model.FailedOperation;

/**
 * A failed operation with its process and device named.
 *
 * @param failure the model record
 * @param process "prime-render [2301]" or the comm alone
 * @param device "0000:00:02.0 (i915)"
 * @param byDesign the record says the failure is expected by design (e.g. pread on an import)
 */
public record FailureRow(FailedOperation failure, String process, String device, boolean byDesign) {

    public static FailureRow of(FailedOperation f, SnapshotIndex index) {
        String process = f.pid() != null ? index.processLabel(f.pid()) : f.comm() == null ? "" : f.comm();
        return new FailureRow(f, process, index.deviceLabel(f.deviceId()), Boolean.TRUE.equals(f.expectedByDesign()));
    }

    /** "expected" (by design), "unexpected" (the knowledge base says misuse or a bug), or "" (unknown). */
    public String byDesignLabel() {
        if (byDesign) {
            return "expected";
        }
        return Boolean.FALSE.equals(failure.expectedByDesign()) ? "unexpected" : "";
    }

    public String error() {
        return failure.errnoName() + " (" + failure.errno() + ")";
    }
}
