package dev.gemscope.backend.parse;

/**
 * A line a parser did not understand or could only partly use. Parsers never throw on odd kernel
 * text: they keep what they could read and report the rest this way, and the snapshot carries the
 * warnings so a user sees that something was skipped.
 *
 * @param source what was parsed, e.g. {@code /sys/kernel/debug/dma_buf/bufinfo} or {@code bufinfo}
 * @param line 1-based line number, or 0 when the warning is about the whole text
 * @param text the offending line (cut to 200 characters)
 * @param reason why it was not used
 */
public record ParseWarning(String source, int line, String text, String reason) {

    private static final int MAX_TEXT = 200;

    public ParseWarning {
        text = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }
}
