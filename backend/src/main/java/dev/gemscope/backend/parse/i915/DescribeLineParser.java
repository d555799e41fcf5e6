package dev.gemscope.backend.parse.i915;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;
import dev.gemscope.backend.parse.i915.TailTokens.Token;

/**
 * Parses one describe_obj text: {@code <pointer>: <flags> <size>KiB <rd> <wd> [seqnos] <cache> [dirty]
 * [purgeable] (group)…}. The flag field has no separator from the {@code %8zd} size, so its width is
 * worked out from the padding rule: the field between {@code ": "} and {@code KiB} is
 * {@code flags + " " + max(8, digits)} characters long.
 */
final class DescribeLineParser {

    /** Shape test used by list parsers before calling {@link #parse}. */
    static final Pattern OBJECT_LINE = Pattern.compile("\\s*[^\\s:]+: .{0,6} +\\d+KiB(?:\\s.*)?");

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    // 3.6 " snooped (LLC)" / " snooped (LLC+MLC)"; ≈6.4 MTL/PVC PAT names " WB (1-Way Coh)", " WT (CLOS1)"
    private static final Pattern CACHE_QUALIFIER = Pattern.compile("LLC|LLC\\+MLC|[12]-Way Coh|CLOS\\d+");
    private static final int SIZE_FIELD_WIDTH = 8;

    private DescribeLineParser() {
    }

    static DescribeResult parse(String text, String source, String list, Optional<String> section, int line) {
        List<ParseWarning> warnings = new ArrayList<>();
        String s = text.stripLeading();
        int colon = s.indexOf(": ");
        if (colon <= 0 || s.substring(0, colon).contains(" ")) {
            return failed(warnings, source, line, text, "no object pointer before ': '");
        }
        int kib = s.indexOf("KiB", colon + 2);
        if (kib < 0) {
            return failed(warnings, source, line, text, "no object size in KiB");
        }
        String field = s.substring(colon + 2, kib);
        int digitsStart = field.length();
        while (digitsStart > 0 && Character.isDigit(field.charAt(digitsStart - 1))) {
            digitsStart--;
        }
        int digits = field.length() - digitsStart;
        int flagWidth = field.length() - 1 - Math.max(SIZE_FIELD_WIDTH, digits);
        if (digits == 0 || flagWidth < 0 || !field.substring(flagWidth, digitsStart).isBlank()) {
            return failed(warnings, source, line, text, "flag and size field not in the describe_obj layout");
        }
        OptionalLong sizeKiB = Numbers.unsignedDecimal(field.substring(digitsStart));
        List<Token> tokens = TailTokens.split(s.substring(kib + 3));
        OptionalLong read = word(tokens, 0, HEX).map(Numbers::hex).orElse(OptionalLong.empty());
        OptionalLong write = word(tokens, 1, HEX).map(Numbers::hex).orElse(OptionalLong.empty());
        if (sizeKiB.isEmpty() || read.isEmpty() || write.isEmpty()) {
            return failed(warnings, source, line, text, "size or domains missing or out of range");
        }

        ObjectBuilder b = new ObjectBuilder();
        b.source = source;
        b.list = list;
        b.section = section;
        b.line = line;
        b.text = s;
        b.pointer = s.substring(0, colon);
        b.sizeKiB = sizeKiB.getAsLong();
        b.readDomains = read.getAsLong();
        b.writeDomain = write.getAsLong();
        b.format = shape(tokens, flagWidth);
        List<String> problems = new ArrayList<>();
        b.flags = ObjectFlags.decode(field.substring(0, flagWidth), b.format, problems);
        int next = SeqnoReader.read(tokens, 2, b, problems);
        attributesAndGroups(tokens, next, b, problems);
        for (String p : problems) {
            warnings.add(new ParseWarning(source, line, text, p));
        }
        return new DescribeResult(Optional.of(b.build()), warnings);
    }

    /**
     * Tells the layouts apart by what follows the two domains and, where that is the same for two
     * layouts, by the measured flag width; see {@link DescribeFormat}. A width that fits no layout of
     * that shape falls back to the common one, whose flag decoding then reports the mismatch.
     */
    private static DescribeFormat shape(List<Token> tokens, int flagWidth) {
        if (word(tokens, 2, null).filter("["::equals).isPresent()) {
            return DescribeFormat.V4_8;
        }
        boolean two = word(tokens, 2, DECIMAL).isPresent() && word(tokens, 3, DECIMAL).isPresent();
        if (two && word(tokens, 4, DECIMAL).isPresent()) {
            // three seqnos: 3.10 prints pin and tiling, 3.13+ adds the global-binding flag
            return flagWidth == DescribeFormat.V3_10.flagWidth() ? DescribeFormat.V3_10 : DescribeFormat.V3_14;
        }
        if (two) {
            // the seqno-less layouts' cache text is never a number, so two numbers here are 3.6 seqnos
            return DescribeFormat.V3_6;
        }
        if (flagWidth == DescribeFormat.V4_19.flagWidth()) {
            return DescribeFormat.V4_19;
        }
        return flagWidth == DescribeFormat.V5_3.flagWidth() ? DescribeFormat.V5_3 : DescribeFormat.V5_4;
    }

    /** Cache words, dirty and purgeable come first; every group after them is a suffix. */
    private static void attributesAndGroups(List<Token> tokens, int from, ObjectBuilder b, List<String> problems) {
        boolean inHead = true;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.closed()) {
                problems.add("unclosed '(' in describe_obj text (line cut short?)");
            }
            if (inHead && !t.group()) {
                if (t.text().equals("dirty")) {
                    b.dirty = true;
                } else if (t.text().equals("purgeable")) {
                    b.purgeable = true;
                } else {
                    b.cache.add(t.text());
                }
                continue;
            }
            if (inHead && t.group() && !b.cache.isEmpty() && !b.dirty && !b.purgeable
                    && CACHE_QUALIFIER.matcher(t.text()).matches()) {
                b.cache.add("(" + t.text() + ")");
                continue;
            }
            inHead = false;
            if (t.group()) {
                SuffixParser.apply(t.text(), b).ifPresent(problems::add);
            } else {
                b.unknown.add(t.text());
                problems.add("unexpected text '" + t.text() + "' after the describe_obj groups");
            }
        }
    }

    static Optional<String> word(List<Token> tokens, int index, Pattern pattern) {
        if (index >= tokens.size() || tokens.get(index).group()) {
            return Optional.empty();
        }
        String w = tokens.get(index).text();
        return pattern == null || pattern.matcher(w).matches() ? Optional.of(w) : Optional.empty();
    }

    private static DescribeResult failed(List<ParseWarning> warnings, String source, int line, String text,
            String reason) {
        warnings.add(new ParseWarning(source, line, text, reason));
        return new DescribeResult(Optional.empty(), warnings);
    }
}
