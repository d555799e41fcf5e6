package dev.gemscope.backend.probe;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.parse.KernelVersion;
import java.util.Optional;

/**
 * One checkable statement of kernel-interfaces.md §7. The expectation depends only on the driver
 * and the kernel era, so it is testable without a device; {@link #check} then runs it on objects
 * the probe creates and returns what it observed, or throws {@link RuleMismatch} (FAIL) or
 * {@link RuleNotApplicable}.
 */
public interface Rule {

    /** The §7 number, e.g. {@code 7} or {@code 11a}. */
    String id();

    /** What the rule states, in a few words. */
    String title();

    /** The kernel source (file: function) or IGT test that the expectation comes from. */
    String citation();

    /** What the kernel should do on this driver and kernel era, e.g. {@code ENXIO}. */
    String expected(String driver, KernelVersion kernel);

    /** Why the rule cannot apply to this driver or kernel at all (e.g. i915 only), if so. */
    default Optional<String> notApplicable(String driver, KernelVersion kernel) {
        return Optional.empty();
    }

    /** Runs the check on {@code device}; returns what was observed when it held. */
    String check(ProbeContext ctx, ProbeDevice device) throws DrmException;
}
