package dev.gemscope.backend.parse.i915;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * Reads a per-client {@code i915_gem_objects} line ({@code print_file_stats()}):
 * {@code "%s: %lu objects, %llu bytes (%llu active, %llu inactive, %llu global, %llu shared, %llu unbound)"}
 * (≈3.10–4.x) or {@code "(… active, … inactive, … unbound, … closed)"} (5.x). The comm may itself
 * contain {@code ": "}, so the name ends at the <em>last</em> {@code ": "} before the counts.
 */
final class ClientLineParser {

    private static final Pattern CLIENT = Pattern.compile("(.*): (\\d+) objects, (\\d+) bytes \\(([^()]*)\\)");
    private static final Pattern ITEM = Pattern.compile("(\\d+) ([a-z]+)");
    private static final List<String> KEYS = List.of("active", "inactive", "global", "shared", "unbound", "closed");

    /**
     * @param matched the line had the client shape
     * @param stats the row, empty when a number was out of range (a warning was added)
     */
    record Outcome(boolean matched, Optional<GemClientStats> stats) {
    }

    private ClientLineParser() {
    }

    static Outcome parse(String line, int no, String source, List<ParseWarning> warnings) {
        Matcher m = CLIENT.matcher(line);
        if (!m.matches()) {
            return new Outcome(false, Optional.empty());
        }
        OptionalLong objects = I915GemObjectsParser.number(m.group(2), no, line, source, warnings);
        OptionalLong bytes = I915GemObjectsParser.number(m.group(3), no, line, source, warnings);
        if (objects.isEmpty() || bytes.isEmpty()) {
            return new Outcome(true, Optional.empty());
        }
        Map<String, OptionalLong> values = new HashMap<>();
        for (String item : m.group(4).split(", ")) {
            Matcher im = ITEM.matcher(item.trim());
            if (!im.matches() || !KEYS.contains(im.group(2))) {
                warnings.add(new ParseWarning(source, no, line, "unknown client field '" + item.trim() + "' skipped"));
                continue;
            }
            values.put(im.group(2), I915GemObjectsParser.number(im.group(1), no, line, source, warnings));
        }
        String name = m.group(1);
        OptionalLong none = OptionalLong.empty();
        return new Outcome(true, Optional.of(new GemClientStats(name, name.startsWith("[k]"), objects.getAsLong(),
                bytes.getAsLong(), values.getOrDefault("active", none), values.getOrDefault("inactive", none),
                values.getOrDefault("global", none), values.getOrDefault("shared", none),
                values.getOrDefault("unbound", none), values.getOrDefault("closed", none), no)));
    }
}
