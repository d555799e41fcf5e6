package dev.gemscope.backend.parse.drm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.Lines;
import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/** Small text helpers shared by the DRM debugfs/sysfs parsers. Package-private. */
final class DrmText {

    private DrmText() {
    }

    /**
     * The lines that can be trusted: all of them, minus a last line that was cut off (the text did not
     * end in a newline), which is reported as a warning instead.
     */
    static List<String> completeLines(String text, String source, List<ParseWarning> warnings) {
        List<String> lines = Lines.of(text);
        if (Lines.lastLineCut(text)) {
            String last = lines.get(lines.size() - 1);
            warnings.add(new ParseWarning(source, lines.size(), last, "truncated last line ignored"));
            return lines.subList(0, lines.size() - 1);
        }
        return lines;
    }

    /** Whitespace-separated tokens (spaces and tabs); no empty tokens. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        for (String t : line.trim().split("[ \t]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Splits {@code line} into the last {@code count} whitespace-separated tokens and everything
     * before them (untrimmed). Used where a free-text column (a task comm, which may contain spaces)
     * comes first and fixed columns follow. Empty when the line has fewer than {@code count} tokens.
     */
    static Optional<RightSplit> splitFromRight(String line, int count) {
        List<String> tail = new ArrayList<>();
        int end = line.length();
        while (tail.size() < count) {
            while (end > 0 && isBlank(line.charAt(end - 1))) {
                end--;
            }
            if (end == 0) {
                return Optional.empty();
            }
            int start = end;
            while (start > 0 && !isBlank(line.charAt(start - 1))) {
                start--;
            }
            tail.add(0, line.substring(start, end));
            end = start;
        }
        return Optional.of(new RightSplit(line.substring(0, end), List.copyOf(tail)));
    }

    /** A line cut into a free-text head and fixed trailing tokens. */
    record RightSplit(String head, List<String> tail) {
    }

    /** {@code y}/{@code n} as printed by the kernel's {@code %c} flags. */
    static Optional<Boolean> yesNo(String token) {
        if ("y".equals(token)) {
            return Optional.of(true);
        }
        if ("n".equals(token)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** {@code yes}/{@code no} as printed by {@code str_yes_no()} and its predecessors. */
    static Optional<Boolean> yesNoWord(String token) {
        String t = token.trim();
        if ("yes".equals(t)) {
            return Optional.of(true);
        }
        if ("no".equals(t)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** All tokens parse as decimal numbers (possibly negative, as {@code %d} allows). */
    static boolean allDecimal(List<String> tokens) {
        for (String t : tokens) {
            if (parseDecimal(t).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static OptionalLong parseDecimal(String token) {
        return Numbers.decimal(token);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
