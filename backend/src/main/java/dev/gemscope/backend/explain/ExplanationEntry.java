package dev.gemscope.backend.explain;

import dev.gemscope.backend.parse.KernelVersion;

/**
 * One entry of {@code explanations.json}. Null constraints match anything.
 *
 * @param operation the operation name (required)
 * @param errno the errno name (required)
 * @param driver the DRM driver, or null for any
 * @param backing the object's backing, or null for any
 * @param sinceKernel first kernel release (major.minor) it applies to, or null
 * @param untilKernel last kernel release (major.minor) it applies to, or null
 * @param text the explanation
 * @param expectedByDesign whether the kernel refuses this on purpose
 * @param citation the kernel source file (and function) that shows it
 */
public record ExplanationEntry(String operation, String errno, String driver, String backing,
        String sinceKernel, String untilKernel, String text, boolean expectedByDesign, String citation) {

    boolean matches(FailureContext f) {
        if (!operation.equals(f.operation()) || !errno.equals(f.errnoName())) {
            return false;
        }
        if (driver != null && !driver.equals(f.driver())) {
            return false;
        }
        if (backing != null && !backing.equals(f.backing())) {
            return false;
        }
        if (sinceKernel == null && untilKernel == null) {
            return true;
        }
        KernelVersion running = KernelVersion.parse(f.kernelRelease());
        if (running == null) {
            return false;
        }
        return (sinceKernel == null || running.compareTo(KernelVersion.parse(sinceKernel)) >= 0)
                && (untilKernel == null || running.compareTo(KernelVersion.parse(untilKernel)) <= 0);
    }

    int specificity() {
        return (driver == null ? 0 : 1) + (backing == null ? 0 : 1)
                + (sinceKernel == null && untilKernel == null ? 0 : 1);
    }

    Explanation explanation() {
        return new Explanation(text, expectedByDesign, citation);
    }
}
