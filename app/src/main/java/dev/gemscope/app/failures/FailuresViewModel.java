package dev.gemscope.app.failures;

import dev.gemscope.app.details.DetailsFactory;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.app.table.Column;
import dev.gemscope.app.table.TableModel;
import dev.gemscope.backend.model.ProbeResult;
import java.util.List;

/**
 * The Failed operations tab: the failed calls, and the probe's rule results when the snapshot came from
 * {@code gemscope probe -o}. Captures only have rows when they were taken by the probe or watch commands.
 */
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

    static final String NO_PROBE = "No probe results in this snapshot: `gemscope probe -o FILE` checks the PRIME "
            + "rules of kernel-interfaces.md §7 on this machine's devices and saves them here.";

    private final TableModel<ProbeResult> probe = new TableModel<>("probe results", List.of(
            Column.text("Rule", ProbeResult::ruleId, 90),
            Column.text("Device", ProbeResult::device, 130),
            Column.text("Outcome", r -> r.outcome().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT), 105),
            Column.text("Rule says", ProbeResult::title, 260),
            Column.text("Expected", ProbeResult::expected, 200),
            Column.text("Observed", r -> r.observed() == null ? "" : r.observed(), 200),
            Column.text("Why", r -> r.reason() == null ? "" : r.reason(), 260),
            Column.text("Source", ProbeResult::citation, 260)),
            r -> DetailsFactory.probe(r));

    /** Prepared rows of both tables. */
    public record Prepared(TableModel.Prepared<FailureRow> failures, TableModel.Prepared<ProbeResult> probe) {
    }

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
        probe.emptyTextProperty().set(NO_PROBE);
    }

    /** Rows for a snapshot; thread-safe, run in the background. */
    public Prepared prepare(SnapshotIndex index) {
        return new Prepared(
                table.prepare(index.snapshot().failedOperations().stream().map(f -> FailureRow.of(f, index)).toList()),
                probe.prepare(index.snapshot().probeResults()));
    }

    public void show(Prepared rows, DetailsFactory factory) {
        this.details = factory;
        table.setRows(rows.failures());
        probe.setRows(rows.probe());
    }

    public void show(SnapshotIndex index, DetailsFactory factory) {
        show(prepare(index), factory);
    }

    public TableModel<FailureRow> table() {
        return table;
    }

    public TableModel<ProbeResult> probe() {
        return probe;
    }
}
