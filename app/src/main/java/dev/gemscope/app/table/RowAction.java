package dev.gemscope.app.table;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Something to do with a row, offered in its context menu; the first enabled action is also what
 * Enter and a double click do.
 *
 * @param label menu text, e.g. "Show in sharing graph"
 * @param enabled whether it applies to a row
 * @param action what it does
 */
public record RowAction<R>(String label, Predicate<R> enabled, Consumer<R> action) {

    public static <R> RowAction<R> of(String label, Consumer<R> action) {
        return new RowAction<>(label, r -> true, action);
    }
}
