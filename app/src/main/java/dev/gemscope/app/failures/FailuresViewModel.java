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
            Column.text("Time", r -> r.failure().time(), 170),
            Column.text("Process", FailureRow::process, 150),
            Column.text("Device", FailureRow::device, 150),
            Column.text("Operation", r -> r.failure().operation(), 170),
            Column.text("Object", r -> r.failure().objectRef(), 120),
            Column.text("Error", FailureRow::error, 100),
            Column.text("By design", r -> r.byDesign() ? "expected" : "", 80),
            Column.text("Seen by", r -> r.failure().source(), 70),
            Column.text("Explanation", r -> r.failure().explanation(), 420)),
            r -> details.failure(r.failure()));

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
