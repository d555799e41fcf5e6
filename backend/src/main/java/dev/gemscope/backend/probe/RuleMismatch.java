package dev.gemscope.backend.probe;

/** The kernel did something other than what the rule expects: the rule FAILs with this observation. */
final class RuleMismatch extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String observed;

    RuleMismatch(String observed, String reason) {
        super(reason);
        this.observed = observed;
    }

    String observed() {
        return observed;
    }
}
