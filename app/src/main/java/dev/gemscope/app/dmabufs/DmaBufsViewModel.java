package dev.gemscope.app.dmabufs;

import dev.gemscope.app.details.DetailsFactory;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.app.table.Column;
import dev.gemscope.app.table.TableModel;
import dev.gemscope.backend.graph.Sizes;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.model.Totals;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The DMA-BUFs tab: every buffer with exporter, fences, attachments and holders, and the
 * per-process RSS/PSS in which each buffer counts once.
 */
public final class DmaBufsViewModel {

    private DetailsFactory details;
    private final TableModel<DmaBufRow> table = new TableModel<>("dma-bufs", List.of(
            Column.text("dma-buf", DmaBufRow::label, 80),
            Column.bytes("Size", r -> r.buffer().size(), 80),
            Column.text("Exporter", DmaBufRow::exporter, 130),
            Column.text("Name", r -> r.buffer().name(), 100),
            Column.number("Files", r -> r.buffer().fileCount(), 50),
            Column.text("Fences", DmaBufRow::fences, 150),
            Column.text("Attached to", DmaBufRow::attachedTo, 120),
            Column.number("Procs", DmaBufRow::processes, 50),
            Column.text("Holders (fds, mappings)", DmaBufRow::holders, 380)),
            r -> details.buffer(r.buffer()));
    private final TableModel<Totals.ProcessUsage> usage = new TableModel<>("processes", List.of(
            Column.text("Process", u -> u.comm() + " [" + u.pid() + "]", 180),
            Column.number("Buffers", Totals.ProcessUsage::buffers, 70),
            Column.bytes("RSS", Totals.ProcessUsage::rssBytes, 90),
            Column.bytes("PSS", Totals.ProcessUsage::pssBytes, 90)),
            u -> details.process(u.pid()));
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public DmaBufsViewModel() {
        table.emptyTextProperty().set("No dma-bufs: none exist, or bufinfo (debugfs, root only) was not "
                + "readable and no process we could see holds one.");
        usage.emptyTextProperty().set("No process references a dma-buf we could see.");
    }

    /** Prepared rows of both tables. */
    public record Prepared(TableModel.Prepared<DmaBufRow> buffers, TableModel.Prepared<Totals.ProcessUsage> usage,
            Snapshot snapshot) {
    }

    /** Rows for a snapshot; thread-safe, run in the background. */
    public Prepared prepare(SnapshotIndex index) {
        Snapshot s = index.snapshot();
        return new Prepared(table.prepare(s.dmaBufs().stream().map(b -> DmaBufRow.of(b, index)).toList()),
                usage.prepare(s.totals().perProcess()), s);
    }

    public void show(SnapshotIndex index, DetailsFactory factory) {
        show(prepare(index), factory);
    }

    public void show(Prepared p, DetailsFactory factory) {
        this.details = factory;
        Snapshot s = p.snapshot();
        table.setRows(p.buffers());
        usage.setRows(p.usage());
        long rssSum = s.totals().perProcess().stream().mapToLong(Totals.ProcessUsage::rssBytes).sum();
        summary.set(s.totals().dmaBufCount() + " dma-bufs, " + Sizes.human(s.totals().dmaBufBytes())
                + " with each buffer counted once. Summed per-process RSS is " + Sizes.human(rssSum)
                + " (shared buffers count for each holder); PSS splits each buffer between its holders.");
    }

    public TableModel<DmaBufRow> table() {
        return table;
    }

    public TableModel<Totals.ProcessUsage> usage() {
        return usage;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public boolean reveal(String bufferKey) {
        return table.reveal(r -> r.key().equals(bufferKey));
    }

    /** Narrows to buffers exported by or attached to one device (null: all). */
    public void scopeToDevice(String deviceId, SnapshotIndex index) {
        if (deviceId == null) {
            table.scopeProperty().set(r -> true);
            return;
        }
        table.scopeProperty().set(r -> deviceId.equals(r.buffer().exporterDeviceId())
                || index.attachmentsOf(r.key()).stream().anyMatch(a -> deviceId.equals(a.deviceId())));
    }
}
