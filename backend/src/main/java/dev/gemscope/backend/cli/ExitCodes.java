package dev.gemscope.backend.cli;

/** The CLI's exit codes. */
final class ExitCodes {
    static final int OK = 0;
    /** Only with {@code --strict}: the snapshot's visibility was partial. */
    static final int PARTIAL = 1;
    /** Bad usage or unreadable input; a one-line reason is on stderr. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
