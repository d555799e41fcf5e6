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
 * Parses the legacy i915 per-object debugfs lists (kernel-interfaces.md §4.5, §4.5.1). Producers
 * ({@code i915_debugfs.c}): {@code i915_gem_object_list_info()} prints a header ({@code Active:},
 * {@code Inactive:}, 3.x also {@code Flushing:}), {@code i915_gem_gtt_info()} (gtt, pinned) prints none,
 * {@code i915_gem_stolen_list_info()} (not in 3.10; 4.8 and 4.19 read) prints {@code Stolen:}; each object
 * line is three blanks plus {@code describe_obj()}, and the list ends with a {@code Total …} line. The
 * files exist from 3.x to 4.x and are gone by 5.4.
 *
 * <p>Objects keep the file name and the header they were listed under, so a collector can merge the
 * copies of one object seen in several lists by {@link DescribedObject#mergeKey()}.
 */
public final class I915ObjectListParser {

    private static final Pattern TOTAL = Pattern.compile("Total (-?\\d+) objects, (\\d+) bytes, (\\d+) GTT size");
    private static final Pattern HEADER = Pattern.compile("([A-Za-z][^:]*):");

    private I915ObjectListParser() {
    }

    /**
     * Parses a whole list file.
     *
     * @param text file contents
     * @param source where it came from (the debugfs path); its last path element becomes
     *     {@link DescribedObject#list()}
     */
    public static I915ObjectList parse(String text, String source) {
        String list = listName(source);
        List<String> lines = Lines.of(text);
        boolean cut = Lines.lastLineCut(text);
        List<ParseWarning> warnings = new ArrayList<>();
        List<DescribedObject> objects = new ArrayList<>();
        List<ListTotal> totals = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        Optional<String> section = Optional.empty();
        int sinceTotal = 0;
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
            } else if ((m = TOTAL.matcher(line)).matches()) {
                total(m, section, no, line, sinceTotal, source, totals, warnings);
                sinceTotal = 0;
            } else if (DescribeLineParser.OBJECT_LINE.matcher(line).matches()) {
                DescribeResult r = DescribeLineParser.parse(line, source, list, section, no);
                warnings.addAll(r.warnings());
                r.object().ifPresent(objects::add);
                sinceTotal++;
            } else if ((m = HEADER.matcher(line)).matches()) {
                section = Optional.of(m.group(1));
                sections.add(m.group(1));
            } else {
                warnings.add(new ParseWarning(source, no, line, "not an object, header or Total line"));
            }
        }
        if (!cut && !lines.isEmpty() && totals.isEmpty()) {
            warnings.add(new ParseWarning(source, 0, "", "no 'Total' line: the list may be incomplete"));
        }
        Optional<DescribeFormat> format = objects.isEmpty() ? Optional.empty() : Optional.of(objects.get(0).format());
        format.ifPresent(f -> objects.stream().filter(o -> o.format() != f).findFirst().ifPresent(o ->
                warnings.add(new ParseWarning(source, o.line(), o.text(), "layout " + o.format()
                        + " differs from the list's first object (" + f + ")"))));
        return new I915ObjectList(source, list, format, objects, totals, sections, cut, warnings);
    }

    /**
     * Parses one describe_obj text found inside another line (framebuffer, fence register or context
     * file), without the surrounding prefix.
     *
     * @param describeText text starting at the object pointer (leading blanks are ignored)
     * @param source where it came from; its last path element becomes {@link DescribedObject#list()}
     * @param section what the object was listed as in that file (e.g. {@code fbcon}), if anything
     * @param line 1-based line number in the source, for warnings
     */
    public static DescribeResult parseObject(String describeText, String source, Optional<String> section,
            int line) {
        return DescribeLineParser.parse(describeText == null ? "" : describeText, source, listName(source),
                section, line);
    }

    private static void total(Matcher m, Optional<String> section, int no, String line, int listed, String source,
            List<ListTotal> totals, List<ParseWarning> warnings) {
        OptionalLong count = Numbers.decimal(m.group(1));
        OptionalLong bytes = Numbers.unsignedDecimal(m.group(2));
        OptionalLong gtt = Numbers.unsignedDecimal(m.group(3));
        if (count.isEmpty() || bytes.isEmpty() || gtt.isEmpty()) {
            warnings.add(new ParseWarning(source, no, line, "Total line number out of range"));
            return;
        }
        totals.add(new ListTotal(section, count.getAsLong(), bytes.getAsLong(), gtt.getAsLong(), no));
        if (count.getAsLong() != listed) {
            // the kernel counts exactly the objects it prints, so a mismatch means lost or unparsed lines
            warnings.add(new ParseWarning(source, no, line,
                    "Total says " + count.getAsLong() + " objects but " + listed + " object lines were read"));
        }
    }

    static String listName(String source) {
        if (source == null) {
            return "";
        }
        String s = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
