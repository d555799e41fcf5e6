package dev.gemscope.app.failures;

import dev.gemscope.app.details.DetailsFactory;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.app.table.Column;
import dev.gemscope.app.table.TableModel;
import java.util.List;

/** The Failed operations tab. Captures only have rows when they were taken by the probe or watch commands. */
public final class FailuresViewModel {

    static final String EMPTY = "No failed operations in this snapshot. A plain collection cannot see "
            + "failures: they are recorded by the probe and watch commands (gemscope probe / gemscope watch), "
            + "which try or trace DRM and dma-buf operations and note each errno with an explanation.";

    private DetailsFactory details;
    private final TableModel<FailureRow> table = new TableModel<>("failed operations", List.of(
            Column.text("Time", r -> timeOfDay(r.failure().time()), 95),
            Column.text("Process", FailureRow::process, 140),
            Column.text("Operation", r -> r.failure().operation(), 210),
            Column.text("Error", FailureRow::error, 90),
            Column.text("By design", FailureRow::byDesignLabel, 82),
            Column.text("Object", r -> r.failure().objectRef(), 180),
            Column.text("Explanation", r -> r.failure().explanation(), 420),
            Column.text("Device", FailureRow::device, 140),
            Column.text("Seen by", r -> r.failure().source(), 70)),
            r -> details.failure(r.failure()));

    /** "2026-11-25T17:20:45.120Z" → "17:20:45.120" (the date is in the details and the source bar). */
    static String timeOfDay(String iso) {
        if (iso == null) {
            return "";
        }
        int t = iso.indexOf('T');
        String time = t < 0 ? iso : iso.substring(t + 1);
        return time.endsWith("Z") ? time.substring(0, time.length() - 1) : time;
    }

    public FailuresViewModel() {
        table.emptyTextProperty().set(EMPTY);
    }

    /** Rows for a snapshot; thread-safe, run in the background. */
    public TableModel.Prepared<FailureRow> prepare(SnapshotIndex index) {
        return table.prepare(index.snapshot().failedOperations().stream().map(f -> FailureRow.of(f, index)).toList());
    }

    public void show(TableModel.Prepared<FailureRow> rows, DetailsFactory factory) {
        this.details = factory;
        table.setRows(rows);
    }

    public void show(SnapshotIndex index, DetailsFactory factory) {
        show(prepare(index), factory);
    }

    public TableModel<FailureRow> table() {
        return table;
    }
}
