package dev.gemscope.backend.parse.i915;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Lines;
import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/**
 * Parses debugfs {@code i915_gem_objects} ({@code i915_debugfs.c: i915_gem_object_info()}; regions via
 * {@code intel_memory_region.c: intel_memory_region_debug()}), kernel-interfaces.md §4.5.2. The layout
 * ({@link GemObjectsEra}) is read from the first line and from which other lines occur.
 */
public final class I915GemObjectsParser {

    private static final Pattern LEGACY_FIRST = Pattern.compile("(\\d+) objects, (\\d+) bytes");
    private static final Pattern SHRINKABLE_FIRST =
            Pattern.compile("(\\d+) shrinkable \\[(\\d+) free\\] objects, (\\d+) bytes");
    private static final Pattern SUMMARY = Pattern.compile(
            "\\s*(\\d+)(?: \\[(\\d+)\\])?((?: [a-z]+)*) objects, (\\d+)(?: \\[(\\d+)\\])? bytes(.*)");
    private static final Pattern GTT_TOTAL = Pattern.compile("(\\d+) \\[(\\d+)\\] gtt total");

    private I915GemObjectsParser() {
    }

    /**
     * Parses the file.
     *
     * @param text file contents
     * @param source where it came from, for warnings
     */
    public static I915GemObjects parse(String text, String source) {
        List<String> lines = Lines.of(text);
        boolean cut = Lines.lastLineCut(text);
        List<ParseWarning> warnings = new ArrayList<>();
        List<GemSummaryLine> summaries = new ArrayList<>();
        List<GemClientStats> clients = new ArrayList<>();
        RegionReader regions = new RegionReader(source, warnings);
        OptionalLong count = OptionalLong.empty();
        OptionalLong bytes = OptionalLong.empty();
        OptionalLong free = OptionalLong.empty();
        OptionalLong gttTotal = OptionalLong.empty();
        OptionalLong mappableGtt = OptionalLong.empty();
        Boolean shrinkable = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int no = i + 1;
            if (cut && i == lines.size() - 1) {
                warnings.add(new ParseWarning(source, no, line, "last line cut short (no final newline); ignored"));
                break;
            }
            Matcher m;
            if (line.isBlank()) {
                continue;
            }
            if (shrinkable == null) {
                if ((m = SHRINKABLE_FIRST.matcher(line)).matches()) {
                    shrinkable = true;
                    count = number(m.group(1), no, line, source, warnings);
                    free = number(m.group(2), no, line, source, warnings);
                    bytes = number(m.group(3), no, line, source, warnings);
                    continue;
                }
                if ((m = LEGACY_FIRST.matcher(line)).matches()) {
                    shrinkable = false;
                    count = number(m.group(1), no, line, source, warnings);
                    bytes = number(m.group(2), no, line, source, warnings);
                    continue;
                }
                shrinkable = false;
                warnings.add(new ParseWarning(source, no, line, "first line is not a known object count line"));
                continue;
            }
            ClientLineParser.Outcome client = ClientLineParser.parse(line, no, source, warnings);
            if (client.matched()) {
                regions.close();
                client.stats().ifPresent(clients::add);
            } else if (regions.header(line, no)) {
                continue;
            } else if ((m = GTT_TOTAL.matcher(line)).matches()) {
                gttTotal = number(m.group(1), no, line, source, warnings);
                mappableGtt = number(m.group(2), no, line, source, warnings);
            } else if ((m = SUMMARY.matcher(line)).matches()) {
                summary(m, no, line, source, warnings, summaries);
            } else if (!regions.continuation(line)) {
                warnings.add(new ParseWarning(source, no, line, "line not understood"));
            }
        }
        if (shrinkable == null) {
            warnings.add(new ParseWarning(source, 0, "", "no object count line"));
        }
        List<GemRegionStats> regionList = regions.regions();
        GemObjectsEra era = era(shrinkable, count.isPresent(), summaries, clients, regionList);
        return new I915GemObjects(era, count, bytes, free, summaries, gttTotal, mappableGtt, clients, regionList, cut,
                warnings);
    }

    private static GemObjectsEra era(Boolean shrinkable, boolean counted, List<GemSummaryLine> summaries,
            List<GemClientStats> clients, List<GemRegionStats> regions) {
        if (shrinkable == null || !counted) {
            return GemObjectsEra.UNKNOWN;
        }
        if (!shrinkable) {
            // 3.6 printed only gtt/active/inactive/mappable counts; the unbound line came with per-client stats
            boolean later = !clients.isEmpty() || summaries.stream().anyMatch(s -> s.label().equals("unbound"));
            return later ? GemObjectsEra.PER_CLIENT : GemObjectsEra.GLOBAL_COUNTS;
        }
        if (regions.isEmpty()) {
            return GemObjectsEra.SHRINKABLE;
        }
        return regions.stream().anyMatch(r -> r.available().isPresent())
                ? GemObjectsEra.REGIONS_WITH_CLIENTS : GemObjectsEra.REGION_DEBUG;
    }

    private static void summary(Matcher m, int no, String line, String source, List<ParseWarning> warnings,
            List<GemSummaryLine> summaries) {
        OptionalLong count = number(m.group(1), no, line, source, warnings);
        OptionalLong bytes = number(m.group(4), no, line, source, warnings);
        if (count.isEmpty() || bytes.isEmpty()) {
            return;
        }
        OptionalLong secondCount = m.group(2) == null ? OptionalLong.empty() : number(m.group(2), no, line, source,
                warnings);
        OptionalLong secondBytes = m.group(5) == null ? OptionalLong.empty() : number(m.group(5), no, line, source,
                warnings);
        String label = (m.group(3).trim() + " " + m.group(6).trim()).trim();
        summaries.add(new GemSummaryLine(label, count.getAsLong(), secondCount, bytes.getAsLong(), secondBytes, no));
    }

    static OptionalLong number(String digits, int no, String line, String source, List<ParseWarning> warnings) {
        OptionalLong v = Numbers.unsignedDecimal(digits);
        if (v.isEmpty()) {
            warnings.add(new ParseWarning(source, no, line, "number '" + digits + "' out of range"));
        }
        return v;
    }
}
