package dev.gemscope.backend.model;

/**
 * A kernel line gemscope could not (fully) understand; kept so the user knows something was skipped.
 *
 * @param source the file it came from
 * @param line 1-based line number, 0 for the whole file
 * @param text the line (shortened)
 * @param reason why it was not used
 */
public record Warning(String source, int line, String text, String reason) {
}
