package dev.gemscope.backend.model;

/**
 * One rule of the PRIME rule battery ({@code gemscope probe}) checked on one device, with what the
 * kernel was expected to do and what it did (kernel-interfaces.md §7).
 *
 * @param ruleId the §7 rule number ({@code 7}, {@code 11a}) or {@code cleanup}
 * @param title what the rule states, in a few words
 * @param device the device it ran on: its id (PCI address, {@code vgem}) and driver, or {@code -}
 *     for battery-wide rows
 * @param outcome PASS, FAIL or NOT_APPLICABLE
 * @param expected what the kernel should do on this kernel era and driver, e.g. {@code ENXIO}
 * @param observed what it did, e.g. {@code ENXIO} or {@code same handle 1}; null when not run
 * @param reason why it is not applicable, or what went wrong; null for a plain pass
 * @param citation the kernel source (file: function) or IGT test behind the expectation
 */
public record ProbeResult(String ruleId, String title, String device, Outcome outcome, String expected,
        String observed, String reason, String citation) {

    /** The three verdicts a rule can have on a device. */
    public enum Outcome {
        /** The kernel did what the rule says for this era and driver. */
        PASS,
        /** The kernel did something else ({@code observed} says what). */
        FAIL,
        /** The rule cannot be checked here ({@code reason} says why): never counted as a pass. */
        NOT_APPLICABLE
    }
}
