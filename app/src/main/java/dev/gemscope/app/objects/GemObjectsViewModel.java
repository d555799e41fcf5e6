package dev.gemscope.app.objects;

import dev.gemscope.app.details.DetailsFactory;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.app.table.Column;
import dev.gemscope.app.table.TableModel;
import java.util.List;

/** The GEM objects tab: every object with its backing, evidence, handle/flink, dma-buf and driver details. */
public final class GemObjectsViewModel {

    private DetailsFactory details;
    private final TableModel<GemObjectRow> table = new TableModel<>("GEM objects", List.of(
            Column.text("Object", GemObjectRow::id, 190),
            Column.bytes("Size", r -> r.object().size(), 70),
            Column.text("Backing", r -> r.object().backing().name().toLowerCase(), 70),
            Column.text("Role", r -> r.object().role().name().toLowerCase(), 65),
            Column.text("dma-buf", GemObjectRow::dmaBuf, 150),
            Column.text("Owner", GemObjectRow::owner, 130),
            Column.text("Device", GemObjectRow::device, 140),
            Column.number("Handle", r -> r.object().handle(), 55),
            Column.number("Flink", r -> r.object().flinkName(), 50),
            Column.text("Known from", GemObjectRow::knownFrom, 150),
            Column.text("Driver details", GemObjectRow::details, 260)),
            r -> details.object(r.object()));

    public GemObjectsViewModel() {
        table.emptyTextProperty().set("No GEM objects were visible. Most are only visible to root "
                + "(debugfs) or through dma-bufs and mappings; see the visibility banner.");
    }

    /** Rows for a snapshot; thread-safe, run in the background. */
    public TableModel.Prepared<GemObjectRow> prepare(SnapshotIndex index) {
        return table.prepare(index.snapshot().gemObjects().stream().map(o -> GemObjectRow.of(o, index)).toList());
    }

    public void show(TableModel.Prepared<GemObjectRow> rows, DetailsFactory factory) {
        this.details = factory;
        table.setRows(rows);
    }

    public void show(SnapshotIndex index, DetailsFactory factory) {
        show(prepare(index), factory);
    }

    public TableModel<GemObjectRow> table() {
        return table;
    }

    /** Selects the object with that id; false if it is not in this snapshot. */
    public boolean reveal(String objectId) {
        return table.reveal(r -> r.id().equals(objectId));
    }

    /** Narrows the table to one device (null: all). */
    public void scopeToDevice(String deviceId) {
        table.scopeProperty().set(deviceId == null ? r -> true : r -> deviceId.equals(r.object().deviceId()));
    }
}
