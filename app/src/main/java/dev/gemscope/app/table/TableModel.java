package dev.gemscope.app.table;

import dev.gemscope.app.details.Details;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The view model of one data table: rows, columns, a filter, a selection, row actions and the
 * text to show when it is empty. No controls: {@code DataTable} renders it.
 *
 * <p>Filter syntax: words separated by spaces, all of which must occur (case-insensitive) in some
 * cell of the row; {@code column=text} restricts a word to columns whose title starts with
 * {@code column} (e.g. {@code pid=2301}, {@code backing=imported}).
 */
public final class TableModel<R> {

    private final String noun;
    private final List<Column<R>> columns;
    private final Function<R, Details> details;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final FilteredList<R> filtered = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<Predicate<R>> scope = new SimpleObjectProperty<>(this, "scope", r -> true);
    private final ObjectProperty<R> selected = new SimpleObjectProperty<>(this, "selected");
    private final List<java.util.function.Consumer<R>> refocusListeners = new ArrayList<>();
    private final ObjectProperty<R> selectionRequest = new SimpleObjectProperty<>(this, "selectionRequest");
    private final ObjectProperty<Predicate<R>> highlight = new SimpleObjectProperty<>(this, "highlight");
    private long flashMillis = 3000;
    private final StringProperty emptyText = new SimpleStringProperty(this, "emptyText", "Nothing here.");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final List<RowAction<R>> actions = new ArrayList<>();
    private Map<R, String[]> cellText = new IdentityHashMap<>();

    /**
     * @param noun plural name of the rows, for "3 of 7 objects"
     * @param columns the columns, left to right
     * @param details what the details pane shows for a row
     */
    public TableModel(String noun, List<Column<R>> columns, Function<R, Details> details) {
        this.noun = noun;
        this.columns = List.copyOf(columns);
        this.details = Objects.requireNonNull(details);
        filtered.predicateProperty().bind(Bindings.createObjectBinding(
                () -> predicate(filter.get(), scope.get()), filter, scope));
        countText.bind(Bindings.createStringBinding(() -> filtered.size() == rows.size()
                ? rows.size() + " " + noun
                : filtered.size() + " of " + rows.size() + " " + noun, filtered, rows));
    }

    /**
     * Rows with their searchable text, computed off the FX thread (reads only the immutable columns).
     *
     * @param rows the rows
     * @param cellText lower-case cell texts per row, for the filter
     */
    public record Prepared<R>(List<R> rows, Map<R, String[]> cellText) {
    }

    /** Prepares rows for {@link #setRows(Prepared)}; thread-safe, for background jobs. */
    public Prepared<R> prepare(Collection<? extends R> newRows) {
        Map<R, String[]> text = new IdentityHashMap<>(newRows.size() * 2);
        for (R r : newRows) {
            String[] cells = new String[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = columns.get(i).text().apply(r).toLowerCase(Locale.ROOT);
            }
            text.put(r, cells);
        }
        return new Prepared<>(List.copyOf(newRows), text);
    }

    /** Replaces all rows; the selection is kept when an equal row is still there. */
    public void setRows(Collection<? extends R> newRows) {
        setRows(prepare(newRows));
    }

    /** Replaces all rows with prepared ones (on the FX thread). */
    public void setRows(Prepared<R> prepared) {
        List<R> newRows = prepared.rows();
        R previous = selected.get();
        cellText = prepared.cellText();
        rows.setAll(newRows);
        if (previous != null) {
            R same = newRows.stream().filter(previous::equals).findFirst().orElse(null);
            selectionRequest.set(null);
            selectionRequest.set(same);
            if (same == null) {
                selected.set(null);
            }
        }
    }

    private Predicate<R> predicate(String filterText, Predicate<R> scopePredicate) {
        List<Term> terms = Term.parse(filterText, columns);
        Predicate<R> scopeOrAll = scopePredicate == null ? r -> true : scopePredicate;
        if (terms.isEmpty()) {
            return scopeOrAll;
        }
        return r -> scopeOrAll.test(r) && matches(r, terms);
    }

    private boolean matches(R row, List<Term> terms) {
        String[] cells = cellText.get(row);
        if (cells == null) {
            return true;
        }
        for (Term t : terms) {
            boolean hit = false;
            for (int i = 0; i < cells.length && !hit; i++) {
                hit = (t.columns() == null || t.columns().contains(i)) && cells[i].contains(t.text());
            }
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    /** Selected rows as tab-separated text with a header line, for the clipboard. */
    public String copyText(List<R> selection) {
        StringBuilder s = new StringBuilder();
        s.append(columns.stream().map(Column::title).collect(Collectors.joining("\t"))).append('\n');
        for (R r : selection) {
            s.append(columns.stream().map(c -> c.text().apply(r).replace('\t', ' ').replace('\n', ' '))
                    .collect(Collectors.joining("\t"))).append('\n');
        }
        return s.toString();
    }

    /**
     * Asks the view to select the first row matching {@code which} and scroll to it. Clears the
     * filter (and scope) if that hides it. Returns false when no row matches.
     */
    public boolean reveal(Predicate<R> which) {
        R row = rows.stream().filter(which).findFirst().orElse(null);
        if (row == null) {
            return false;
        }
        if (!filtered.contains(row)) {
            filter.set("");
            scope.set(r -> true);
        }
        selectionRequest.set(null);
        selectionRequest.set(row);
        selected.set(row);
        return true;
    }

    public TableModel<R> withAction(RowAction<R> action) {
        actions.add(action);
        return this;
    }

    public String noun() {
        return noun;
    }

    public List<Column<R>> columns() {
        return columns;
    }

    public List<RowAction<R>> actions() {
        return List.copyOf(actions);
    }

    public Details details(R row) {
        return details.apply(row);
    }

    /** All rows, unfiltered. */
    public ObservableList<R> rows() {
        return rows;
    }

    /** The rows the filter lets through, in model order (the view sorts them). */
    public ObservableList<R> visibleRows() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** A predicate that narrows the table besides the filter text (e.g. to one device). */
    public ObjectProperty<Predicate<R>> scopeProperty() {
        return scope;
    }

    public ObjectProperty<R> selectedProperty() {
        return selected;
    }

    /**
     * Runs {@code listener} when the table is focused again with its selection unchanged: the details
     * pane then shows this table's row again (another table may have replaced it meanwhile).
     */
    public void onRefocus(java.util.function.Consumer<R> listener) {
        refocusListeners.add(listener);
    }

    /** Called by the view when the table gains focus. */
    public void refocused() {
        R row = selected.get();
        if (row != null) {
            refocusListeners.forEach(l -> l.accept(row));
        }
    }

    public R getSelected() {
        return selected.get();
    }

    /** Set by {@link #reveal}; the view selects and scrolls to it. */
    public ObjectProperty<R> selectionRequestProperty() {
        return selectionRequest;
    }

    /** Rows to flash (new in the last live refresh); null for none. The view clears it after {@link #flashMillis}. */
    public ObjectProperty<Predicate<R>> highlightProperty() {
        return highlight;
    }

    /** How long new rows stay highlighted. */
    public long flashMillis() {
        return flashMillis;
    }

    /** Tests on a slow machine lengthen it so the flash can be seen before it fades. */
    public void setFlashMillis(long millis) {
        this.flashMillis = millis;
    }

    public StringProperty emptyTextProperty() {
        return emptyText;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** One filter word. {@code columns} null means any column. */
    private record Term(String text, List<Integer> columns) {

        static <R> List<Term> parse(String filter, List<Column<R>> columns) {
            List<Term> terms = new ArrayList<>();
            if (filter == null) {
                return terms;
            }
            for (String word : filter.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                int eq = word.indexOf('=');
                if (eq > 0) {
                    String prefix = word.substring(0, eq);
                    List<Integer> hit = new ArrayList<>();
                    for (int i = 0; i < columns.size(); i++) {
                        if (columns.get(i).title().toLowerCase(Locale.ROOT).replace(" ", "").startsWith(prefix)) {
                            hit.add(i);
                        }
                    }
                    if (!hit.isEmpty()) {
                        terms.add(new Term(word.substring(eq + 1), hit));
                        continue;
                    }
                }
                terms.add(new Term(word, null));
            }
            return terms;
        }
    }
}
