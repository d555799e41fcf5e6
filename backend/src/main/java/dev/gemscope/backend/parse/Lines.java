package dev.gemscope.backend.parse;

import java.util.List;

/** Splits kernel text into lines and tells whether the last line was cut off. */
public final class Lines {

    private Lines() {
    }

    /** The lines of {@code text} without their terminators; a trailing newline adds no empty line. */
    public static List<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    /**
     * Kernel seq_files always end in a newline; text that does not was cut short (a read limit, a
     * truncated capture, or a racing writer), so its last line must not be trusted.
     */
    public static boolean lastLineCut(String text) {
        return text != null && !text.isEmpty() && !text.endsWith("\n");
    }
}
