package dev.gemscope.backend.parse.dmabuf;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises the bufinfo column header, the line after {@code Dma-buf Objects:}:
 * <ul>
 *   <li>3.10: {@code \texp_name\tsize\tflags\tmode\tcount};</li>
 *   <li>3.14: {@code size\tflags\tmode\tcount\texp_name};</li>
 *   <li>4.12: the same names padded by {@code %-8s} ({@code "size    \tflags   \t…"});</li>
 *   <li>5.3: {@code …\texp_name\tino     } — no name column although lines carry a name;</li>
 *   <li>5.19+: {@code …\texp_name\tino     \tname}.</li>
 * </ul>
 */
final class Header {

    private static final List<String> OLD = List.of("exp_name", "size", "flags", "mode", "count");
    private static final List<String> NEW = List.of("size", "flags", "mode", "count", "exp_name");

    private Header() {
    }

    static boolean isHeader(String line) {
        List<String> names = names(line);
        return !names.isEmpty() && (names.get(0).equals("size") || names.get(0).equals("exp_name"))
                && names.contains("flags") && names.contains("exp_name");
    }

    static BufinfoEra era(String line) {
        List<String> names = names(line);
        if (names.equals(OLD)) {
            return BufinfoEra.V3_10;
        }
        if (names.size() < NEW.size() || !names.subList(0, NEW.size()).equals(NEW)) {
            return BufinfoEra.UNKNOWN;
        }
        List<String> extra = names.subList(NEW.size(), names.size());
        if (extra.isEmpty()) {
            return line.startsWith("size ") ? BufinfoEra.V4_12 : BufinfoEra.V3_14;
        }
        if (extra.equals(List.of("ino"))) {
            return BufinfoEra.V5_3;
        }
        if (extra.equals(List.of("ino", "name"))) {
            return BufinfoEra.V5_19;
        }
        return BufinfoEra.UNKNOWN;
    }

    /**
     * For text that lost its header: 3.10 lines start with two TABs, 5.3+ lines have at least six
     * TABs, 3.14–5.2 lines four. Padding, which tells 3.14 from 4.12, is only in the header.
     */
    static BufinfoEra guessFromBufferLine(String line) {
        if (line.startsWith("\t\t")) {
            return BufinfoEra.V3_10;
        }
        String[] f = line.split("\t", 7);
        if (f.length == 7) {
            return f[6].equals(BufferLine.NO_NAME) ? BufinfoEra.V5_19 : BufinfoEra.V5_3;
        }
        return f.length == 5 ? BufinfoEra.V3_14 : BufinfoEra.UNKNOWN;
    }

    private static List<String> names(String line) {
        List<String> names = new ArrayList<>();
        for (String part : line.split("\t")) {
            String name = part.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
