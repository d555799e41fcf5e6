package dev.gemscope.backend.parse.i915;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    // 5.4+ "%u shrinkable [%u free] objects"; a ≈5.3 tree prints the count without the free part
    private static final Pattern SHRINKABLE_FIRST =
            Pattern.compile("(\\d+) shrinkable(?: \\[(\\d+) free\\])? objects, (\\d+) bytes");
    // "%u [%u] active objects, %zu [%zu] bytes", 4.19 "%u display objects (globally pinned), %llu bytes"
    // and "%u huge-paged objects (%s) %llu bytes" (no comma after the page sizes)
    private static final Pattern SUMMARY = Pattern.compile("\\s*(\\d+)(?: \\[(\\d+)\\])?((?: [a-z][a-z-]*)*) "
            + "objects(?:,| \\(([^)]*)\\),?) (\\d+)(?: \\[(\\d+)\\])? bytes(.*)");
    // "%zu [%lu] gtt total" (3.x), "%llu [%llu]" (4.8), "%llu [%pa]" (4.19: mappable end as 0x%016llx)
    private static final Pattern GTT_TOTAL = Pattern.compile("(\\d+) \\[(\\d+|0x[0-9a-fA-F]+)\\] gtt total");
    private static final Pattern PAGE_SIZES = Pattern.compile("Supported page sizes: (.*)");

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
        List<String> pageSizes = List.of();
        boolean blankAfterFirst = false;
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
                blankAfterFirst |= shrinkable != null;
                continue;
            }
            if (shrinkable == null) {
                if ((m = SHRINKABLE_FIRST.matcher(line)).matches()) {
                    shrinkable = true;
                    count = number(m.group(1), no, line, source, warnings);
                    free = m.group(2) == null ? OptionalLong.empty() : number(m.group(2), no, line, source, warnings);
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
                mappableGtt = m.group(2).startsWith("0x") ? hexNumber(m.group(2), no, line, source, warnings)
                        : number(m.group(2), no, line, source, warnings);
            } else if ((m = PAGE_SIZES.matcher(line)).matches()) {
                pageSizes = sizeList(m.group(1));
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
        GemObjectsEra era = era(shrinkable, count.isPresent(), blankAfterFirst, clients, regionList);
        return new I915GemObjects(era, count, bytes, free, summaries, gttTotal, mappableGtt, pageSizes, clients,
                regionList, cut, warnings);
    }

    private static GemObjectsEra era(Boolean shrinkable, boolean counted, boolean blankLine,
            List<GemClientStats> clients, List<GemRegionStats> regions) {
        if (shrinkable == null || !counted) {
            return GemObjectsEra.UNKNOWN;
        }
        if (!shrinkable) {
            // 3.6 and 3.10 print only global counts; 4.8 and 4.19 follow them with a blank line (printed even
            // when no client has objects) and then the per-client lines
            boolean later = !clients.isEmpty() || blankLine;
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
        OptionalLong bytes = number(m.group(5), no, line, source, warnings);
        if (count.isEmpty() || bytes.isEmpty()) {
            return;
        }
        OptionalLong secondCount = m.group(2) == null ? OptionalLong.empty() : number(m.group(2), no, line, source,
                warnings);
        OptionalLong secondBytes = m.group(6) == null ? OptionalLong.empty() : number(m.group(6), no, line, source,
                warnings);
        String label = (m.group(3).trim() + " " + m.group(7).trim()).trim();
        summaries.add(new GemSummaryLine(label, count.getAsLong(), secondCount, bytes.getAsLong(), secondBytes,
                Optional.ofNullable(m.group(4)), no));
    }

    private static OptionalLong hexNumber(String text, int no, String line, String source,
            List<ParseWarning> warnings) {
        OptionalLong v = Numbers.hex(text);
        if (v.isEmpty()) {
            warnings.add(new ParseWarning(source, no, line, "number '" + text + "' out of range"));
        }
        return v;
    }

    /** {@code stringify_page_sizes()} output: sizes joined by {@code ", "}, empty text for none. */
    private static List<String> sizeList(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split(", "));
    }

    static OptionalLong number(String digits, int no, String line, String source, List<ParseWarning> warnings) {
        OptionalLong v = Numbers.unsignedDecimal(digits);
        if (v.isEmpty()) {
            warnings.add(new ParseWarning(source, no, line, "number '" + digits + "' out of range"));
        }
        return v;
    }
}
