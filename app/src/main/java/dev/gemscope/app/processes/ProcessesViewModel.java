package dev.gemscope.app.processes;

import dev.gemscope.app.details.DetailsFactory;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.app.table.Column;
import dev.gemscope.app.table.TableModel;
import java.util.List;

/**
 * The Processes &amp; clients tab: processes with their DRM files and dma-buf memory; below, the DRM
 * clients (of the selected process, or all) with memory per region and engine use from fdinfo.
 */
public final class ProcessesViewModel {

    private DetailsFactory details;
    private Integer pidScope;
    private String deviceScope;
    private final TableModel<ProcessRow> processes = new TableModel<>("processes", List.of(
            Column.number("PID", ProcessRow::pid, 60),
            Column.text("Command", ProcessRow::comm, 120),
            Column.number("UID", ProcessRow::uid, 55),
            Column.number("DRM fds", ProcessRow::drmFiles, 65),
            Column.number("Buf fds", ProcessRow::dmaBufFds, 65),
            Column.number("Maps", ProcessRow::mappings, 50),
            Column.number("Objects", ProcessRow::objects, 65),
            Column.bytes("RSS", ProcessRow::rss, 75),
            Column.bytes("PSS", ProcessRow::pss, 75),
            Column.text("Command line", ProcessRow::cmdline, 420)),
            r -> details.process(r.pid()));
    private final TableModel<ClientRow> clients = new TableModel<>("DRM clients", List.of(
            Column.text("Process", ClientRow::process, 140),
            Column.number("fd", r -> r.client().fd(), 35),
            Column.text("Node", r -> r.client().node(), 85),
            Column.bytes("Total", ClientRow::total, 70),
            Column.bytes("Resident", ClientRow::resident, 70),
            Column.text("Memory per region", ClientRow::memory, 300),
            Column.text("Engines", ClientRow::engines, 220),
            Column.text("Device", ClientRow::device, 140),
            Column.number("Client", r -> r.client().clientId(), 55),
            Column.text("Name", r -> r.client().clientName(), 90),
            Column.text("Flags", ClientRow::flags, 90)),
            r -> details.client(r.client()));

    public ProcessesViewModel() {
        processes.emptyTextProperty().set("No process holding a DRM or dma-buf file was visible. "
                + "Other users' processes need root or CAP_SYS_PTRACE.");
        clients.emptyTextProperty().set("No open DRM files.");
        processes.selectedProperty().addListener((o, a, p) -> {
            pidScope = p == null ? null : p.pid();
            updateClientScope();
        });
    }

    /** Prepared rows of both tables. */
    public record Prepared(TableModel.Prepared<ProcessRow> processes, TableModel.Prepared<ClientRow> clients) {
    }

    /** Rows for a snapshot; thread-safe, run in the background. */
    public Prepared prepare(SnapshotIndex index) {
        return new Prepared(
                processes.prepare(index.allPids().stream().sorted().map(pid -> ProcessRow.of(pid, index)).toList()),
                clients.prepare(index.snapshot().clients().stream().map(c -> ClientRow.of(c, index)).toList()));
    }

    public void show(Prepared p, DetailsFactory factory) {
        this.details = factory;
        processes.setRows(p.processes());
        clients.setRows(p.clients());
    }

    public void show(SnapshotIndex index, DetailsFactory factory) {
        show(prepare(index), factory);
    }

    public TableModel<ProcessRow> processes() {
        return processes;
    }

    public TableModel<ClientRow> clients() {
        return clients;
    }

    public boolean revealProcess(int pid) {
        return processes.reveal(r -> r.pid() == pid);
    }

    public boolean revealClient(int pid, int fd) {
        processes.selectedProperty().set(null);
        return clients.reveal(r -> r.client().pid() == pid && r.client().fd() == fd);
    }

    /** Narrows the clients to one device (null: all); the selected process narrows them further. */
    public void scopeToDevice(String deviceId) {
        deviceScope = deviceId;
        updateClientScope();
    }

    private void updateClientScope() {
        Integer pid = pidScope;
        String device = deviceScope;
        clients.scopeProperty().set(r -> (pid == null || r.client().pid() == pid)
                && (device == null || device.equals(r.client().deviceId())));
    }
}
