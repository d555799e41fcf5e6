package dev.gemscope.app.compare;

import dev.gemscope.app.details.Details;
import dev.gemscope.app.table.Column;
import dev.gemscope.app.table.TableModel;
import dev.gemscope.backend.graph.Sizes;
import dev.gemscope.backend.model.Snapshot;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Compare tab: two snapshots (the older is the baseline A), per-process growth, and each
 * new, gone or grown buffer and object. In live mode a marked baseline is compared with every refresh.
 */
public final class CompareViewModel {

    private final TableModel<SnapshotDiff.ProcessChange> processes = new TableModel<>("processes", List.of(
            Column.text("Process", SnapshotDiff.ProcessChange::label, 190),
            Column.text("Status", p -> p.status().name().toLowerCase(Locale.ROOT), 70),
            Column.number("Buffers A", SnapshotDiff.ProcessChange::buffersBefore, 75),
            Column.number("Buffers B", SnapshotDiff.ProcessChange::buffersAfter, 75),
            Column.number("New", SnapshotDiff.ProcessChange::newBuffers, 50),
            Column.number("Gone", SnapshotDiff.ProcessChange::goneBuffers, 50),
            Column.bytes("RSS A", SnapshotDiff.ProcessChange::rssBefore, 80),
            Column.bytes("RSS B", SnapshotDiff.ProcessChange::rssAfter, 80),
            new Column<>("Δ RSS", p -> signed(p.rssDelta()),
                    java.util.Comparator.comparingLong(SnapshotDiff.ProcessChange::rssDelta), 85, true)),
            CompareViewModel::details);
    private final TableModel<SnapshotDiff.Change> changes = new TableModel<>("changes", List.of(
            Column.text("Change", c -> c.kind().name().toLowerCase(Locale.ROOT), 65),
            Column.text("What", SnapshotDiff.Change::what, 80),
            Column.text("Id", SnapshotDiff.Change::id, 200),
            Column.text("Process", SnapshotDiff.Change::processLabel, 160),
            Column.text("Exporter / device", SnapshotDiff.Change::detail, 170),
            Column.bytes("Size A", SnapshotDiff.Change::sizeBefore, 75),
            Column.bytes("Size B", SnapshotDiff.Change::sizeAfter, 75)),
            CompareViewModel::details);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline",
            "Nothing compared yet.");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private Snapshot liveBaseline;
    private String liveBaselineName;

    public CompareViewModel() {
        processes.emptyTextProperty().set("Nothing to compare yet. Use Compare… to pick a second snapshot "
                + "(the older of the two is the baseline A), or Mark baseline while live to watch what grows.");
        changes.emptyTextProperty().set("No buffer or GEM object changed.");
        processes.selectedProperty().addListener((o, a, p) -> changes.scopeProperty()
                .set(p == null ? c -> true : c -> c.pid() == p.pid()));
    }

    /** Compares two snapshots; the older one (by capture time) is A. Processes that grew most come first. */
    public void compare(Snapshot one, String oneName, Snapshot two, String twoName) {
        boolean swap = one.capturedAt() != null && two.capturedAt() != null
                && one.capturedAt().compareTo(two.capturedAt()) > 0;
        Snapshot a = swap ? two : one;
        Snapshot b = swap ? one : two;
        String an = swap ? twoName : oneName;
        String bn = swap ? oneName : twoName;
        SnapshotDiff diff = SnapshotDiff.of(a, b);
        processes.selectedProperty().set(null);
        processes.setRows(diff.processes().stream()
                .sorted((x, y) -> Long.compare(y.rssDelta(), x.rssDelta())).toList());
        changes.setRows(diff.changes());
        headline.set("A: " + an + " (" + a.host() + ", " + time(a.capturedAt()) + ")   →   B: " + bn + " ("
                + b.host() + ", " + time(b.capturedAt()) + ")");
        summary.set(diff.summary());
        active.set(true);
    }

    /** Live mode: compare every refresh with this snapshot. */
    public void markBaseline(Snapshot baseline, String name) {
        liveBaseline = baseline;
        liveBaselineName = name;
        compare(baseline, name, baseline, "now");
    }

    /** A live refresh: recompares with the marked baseline, if any. */
    public void liveUpdate(Snapshot now) {
        if (liveBaseline != null) {
            compare(liveBaseline, liveBaselineName, now, "now");
        }
    }

    public void clearBaseline() {
        liveBaseline = null;
    }

    public boolean hasLiveBaseline() {
        return liveBaseline != null;
    }

    /** "2026-11-25T17:20:44.967Z" → "2026-11-25 17:20:44 UTC". */
    static String time(String iso) {
        if (iso == null || iso.length() < 19) {
            return String.valueOf(iso);
        }
        return iso.substring(0, 10) + " " + iso.substring(11, 19) + (iso.endsWith("Z") ? " UTC" : "");
    }

    static String signed(long bytes) {
        return bytes == 0 ? "0" : (bytes > 0 ? "+" : "−") + Sizes.human(Math.abs(bytes));
    }

    static Details details(SnapshotDiff.ProcessChange p) {
        return Details.builder("Compare: " + p.label())
                .add("status", p.status().name().toLowerCase(Locale.ROOT))
                .add("buffers A → B", p.buffersBefore() + " → " + p.buffersAfter())
                .add("new buffers", p.newBuffers())
                .add("gone buffers", p.goneBuffers())
                .add("RSS A → B", Sizes.human(p.rssBefore()) + " → " + Sizes.human(p.rssAfter()))
                .add("Δ RSS", signed(p.rssDelta()))
                .build();
    }

    static Details details(SnapshotDiff.Change c) {
        return Details.builder(c.what() + " " + c.id() + " " + c.kind().name().toLowerCase(Locale.ROOT))
                .add("change", c.kind().name().toLowerCase(Locale.ROOT))
                .add("what", c.what())
                .add("id", c.id())
                .add("process", c.processLabel())
                .add("exporter / device", c.detail())
                .add("size A", c.sizeBefore() == null ? "—" : Sizes.human(c.sizeBefore()))
                .add("size B", c.sizeAfter() == null ? "—" : Sizes.human(c.sizeAfter()))
                .build();
    }

    public TableModel<SnapshotDiff.ProcessChange> processes() {
        return processes;
    }

    public TableModel<SnapshotDiff.Change> changes() {
        return changes;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }
}
