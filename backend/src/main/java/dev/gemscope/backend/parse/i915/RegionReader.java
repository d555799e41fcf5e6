package dev.gemscope.backend.parse.i915;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/**
 * Reads the memory-region part of 5.10+ {@code i915_gem_objects}. A TTM region spans many lines
 * (its header is {@code "<name>: "} glued to the first {@code "  use_type: %d"} line), so this keeps the
 * open region until the next region or client line; dump lines never produce warnings.
 */
final class RegionReader {

    // %pa prints "0x" and 2 * sizeof(phys_addr_t) hex digits
    private static final Pattern WITH_AVAILABLE =
            Pattern.compile("(\\S+): total:(0x[0-9a-fA-F]+), available:(0x[0-9a-fA-F]+) bytes");
    private static final Pattern TOTAL_ONLY = Pattern.compile("(\\S+): total:(0x[0-9a-fA-F]+) bytes");
    private static final Pattern TTM_START = Pattern.compile("(\\S+):\\s+use_type: (-?\\d+)");
    private static final Pattern TTM_KEY = Pattern.compile("\\s+(use_tt|size|usage): (-?\\d+)");
    private static final Pattern DUMP_ITEM = Pattern.compile("([A-Za-z_]+): (\\d+) ?(KiB|MiB)");

    private final String source;
    private final List<ParseWarning> warnings;
    private final List<GemRegionStats> regions = new ArrayList<>();
    private Open open;

    RegionReader(String source, List<ParseWarning> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    /** Reads {@code line} if it starts a region; closes any open one first. */
    boolean header(String line, int no) {
        Matcher m;
        if ((m = WITH_AVAILABLE.matcher(line)).matches()) {
            close();
            Open r = new Open(m.group(1), no);
            r.total = hex(m.group(2), line, no);
            r.available = hex(m.group(3), line, no);
            regions.add(r.build());
            return true;
        }
        if ((m = TOTAL_ONLY.matcher(line)).matches()) {
            close();
            Open r = new Open(m.group(1), no);
            r.total = hex(m.group(2), line, no);
            regions.add(r.build());
            return true;
        }
        if ((m = TTM_START.matcher(line)).matches()) {
            close();
            open = new Open(m.group(1), no);
            open.useType = Numbers.decimal(m.group(2));
            return true;
        }
        return false;
    }

    /** Takes {@code line} into the open TTM region's dump, if one is open. */
    boolean continuation(String line) {
        if (open == null) {
            return false;
        }
        Matcher m = TTM_KEY.matcher(line);
        if (m.matches()) {
            OptionalLong v = Numbers.decimal(m.group(2));
            switch (m.group(1)) {
                case "use_tt" -> open.useTt = v;
                case "size" -> open.size = v;
                default -> open.usage = v;
            }
            return true;
        }
        if (!dumpValues(line)) {
            open.dumpLines.add(line);
        }
        return true;
    }

    void close() {
        if (open != null) {
            regions.add(open.build());
            open = null;
        }
    }

    List<GemRegionStats> regions() {
        close();
        return regions;
    }

    /** {@code key: 64KiB} or {@code chunk_size: 4KiB, total: 16368MiB, free: …}; all items or nothing. */
    private boolean dumpValues(String line) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String item : line.trim().split(", ")) {
            Matcher m = DUMP_ITEM.matcher(item);
            if (!m.matches()) {
                return false;
            }
            OptionalLong n = Numbers.unsignedDecimal(m.group(2));
            long unit = m.group(3).equals("KiB") ? 1L << 10 : 1L << 20;
            if (n.isEmpty() || n.getAsLong() < 0 || n.getAsLong() > Long.MAX_VALUE / unit) {
                return false;
            }
            values.put(m.group(1), n.getAsLong() * unit);
        }
        open.dumpBytes.putAll(values);
        return !values.isEmpty();
    }

    private OptionalLong hex(String text, String line, int no) {
        OptionalLong v = Numbers.hex(text);
        if (v.isEmpty()) {
            warnings.add(new ParseWarning(source, no, line, "region size '" + text + "' out of range"));
        }
        return v;
    }

    /** Region being read. */
    private static final class Open {
        final String name;
        final int line;
        OptionalLong total = OptionalLong.empty();
        OptionalLong available = OptionalLong.empty();
        OptionalLong useType = OptionalLong.empty();
        OptionalLong useTt = OptionalLong.empty();
        OptionalLong size = OptionalLong.empty();
        OptionalLong usage = OptionalLong.empty();
        final Map<String, Long> dumpBytes = new LinkedHashMap<>();
        final List<String> dumpLines = new ArrayList<>();

        Open(String name, int line) {
            this.name = name;
            this.line = line;
        }

        GemRegionStats build() {
            return new GemRegionStats(name, total, available, useType, useTt, size, usage, dumpBytes, dumpLines,
                    line);
        }
    }
}
