package dev.gemscope.app.table;

import dev.gemscope.backend.graph.Sizes;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a data table: a title, the text shown (also what the filter searches), and the key
 * it sorts by (numbers sort as numbers, not as their text).
 *
 * @param title header text
 * @param text the cell text; "" for nothing
 * @param comparator the sort order of rows by this column
 * @param width preferred width in pixels
 * @param numeric right-aligned
 */
public record Column<R>(String title, Function<R, String> text, Comparator<R> comparator, double width, boolean numeric) {

    public Column {
        Objects.requireNonNull(title);
        Objects.requireNonNull(text);
        Objects.requireNonNull(comparator);
    }

    public static <R> Column<R> text(String title, Function<R, String> text, double width) {
        Function<R, String> safe = r -> orEmpty(text.apply(r));
        return new Column<>(title, safe, Comparator.comparing(safe, String.CASE_INSENSITIVE_ORDER), width, false);
    }

    /** A number shown as is; null shows as empty and sorts first. */
    public static <R> Column<R> number(String title, Function<R, ? extends Number> value, double width) {
        return new Column<>(title, r -> format(value.apply(r)), byNumber(value), width, true);
    }

    /** A byte count shown as "8 MiB" and sorted by the exact number. */
    public static <R> Column<R> bytes(String title, Function<R, ? extends Number> value, double width) {
        return new Column<>(title, r -> {
            Number n = value.apply(r);
            return n == null ? "" : Sizes.human(n.longValue());
        }, byNumber(value), width, true);
    }

    private static <R> Comparator<R> byNumber(Function<R, ? extends Number> value) {
        return Comparator.comparing(r -> {
            Number n = value.apply(r);
            return n == null ? null : n.doubleValue();
        }, Comparator.nullsFirst(Comparator.<Double>naturalOrder()));
    }

    private static String format(Number n) {
        return n == null ? "" : n.toString();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
