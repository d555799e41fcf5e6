package dev.gemscope.backend.probe;

/** The rule cannot be checked on this device or system; the message says why. */
final class RuleNotApplicable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RuleNotApplicable(String reason) {
        super(reason);
    }
}
