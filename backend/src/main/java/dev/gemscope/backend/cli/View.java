package dev.gemscope.backend.cli;

import dev.gemscope.backend.model.Attachment;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.DrmClient;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.FailedOperation;
import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.model.ProcessInfo;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.cli.Table.Column;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What {@code gemscope ls} can list, each with its rows and table columns. */
enum View {
    DEVICES(Snapshot::devices, List.<Column<DrmDevice>>of(
            Column.text("DEVICE", DrmDevice::id),
            Column.text("DRIVER", DrmDevice::driver),
            Column.text("NODES", d -> d.minors().stream().map(DrmDevice.DrmMinor::name).collect(Collectors.joining(","))),
            Column.text("PCI-ID", d -> d.pci() == null ? null : d.pci().vendor() + ":" + d.pci().device()),
            Column.text("DEBUGFS", DrmDevice::debugfsDir))),
    CLIENTS(Snapshot::clients, List.<Column<DrmClient>>of(
            Column.number("PID", DrmClient::pid),
            Column.text("COMMAND", DrmClient::comm),
            Column.number("FD", DrmClient::fd),
            Column.text("NODE", DrmClient::node),
            Column.text("DEVICE", DrmClient::deviceId),
            Column.number("CLIENT-ID", DrmClient::clientId),
            Column.text("MASTER", c -> yesNo(c.master())),
            Column.text("AUTH", c -> yesNo(c.authenticated())),
            Column.text("MEMORY", View::memorySummary))),
    OBJECTS(Snapshot::gemObjects, List.<Column<GemObject>>of(
            Column.text("OBJECT", GemObject::id),
            Column.text("DEVICE", GemObject::deviceId),
            Column.number("PID", GemObject::ownerPid),
            Column.number("HANDLE", GemObject::handle),
            Column.number("FLINK", GemObject::flinkName),
            Column.number("SIZE", GemObject::size),
            Column.text("BACKING", GemObject::backing),
            Column.text("ROLE", GemObject::role),
            Column.text("DMA-BUF", GemObject::dmaBufKey),
            Column.text("KNOWN-FROM", o -> o.evidence().stream().map(GemObject.Evidence::rule).collect(Collectors.joining("; "))))),
    DMABUFS(Snapshot::dmaBufs, List.<Column<DmaBuf>>of(
            Column.number("INO", DmaBuf::ino),
            Column.number("SIZE", DmaBuf::size),
            Column.text("EXPORTER", DmaBuf::exporter),
            Column.number("COUNT", DmaBuf::fileCount),
            Column.number("FENCES", b -> b.fences().size()),
            Column.text("KEY", DmaBuf::key),
            Column.text("NAME", DmaBuf::name))),
    ATTACHMENTS(Snapshot::attachments, List.<Column<Attachment>>of(
            Column.text("DMA-BUF", Attachment::dmaBufKey),
            Column.text("ATTACHED-DEVICE", Attachment::deviceName),
            Column.text("DRM-DEVICE", Attachment::deviceId),
            Column.text("IMPORTED-OBJECT", Attachment::importedObjectId))),
    HOLDERS(Snapshot::holders, List.<Column<Holder>>of(
            Column.number("PID", Holder::pid),
            Column.number("FD", Holder::fd),
            Column.text("KIND", Holder::kind),
            Column.text("DMA-BUF", Holder::dmaBufKey),
            Column.text("DEVICE", Holder::deviceId),
            Column.text("TARGET", Holder::target))),
    MAPPINGS(Snapshot::mappings, List.<Column<Mapping>>of(
            Column.number("PID", Mapping::pid),
            Column.text("START", m -> Long.toHexString(m.start())),
            Column.text("END", m -> Long.toHexString(m.end())),
            Column.text("PERMS", Mapping::perms),
            Column.text("OFFSET", m -> Long.toHexString(m.offset())),
            Column.text("KIND", Mapping::kind),
            Column.text("DMA-BUF", Mapping::dmaBufKey),
            Column.text("PATH", Mapping::path))),
    PROCESSES(Snapshot::processes, List.<Column<ProcessInfo>>of(
            Column.number("PID", ProcessInfo::pid),
            Column.number("UID", ProcessInfo::uid),
            Column.text("COMMAND", ProcessInfo::comm),
            Column.text("CMDLINE", ProcessInfo::cmdline))),
    FAILURES(Snapshot::failedOperations, List.<Column<FailedOperation>>of(
            Column.text("TIME", FailedOperation::time),
            Column.number("PID", FailedOperation::pid),
            Column.text("COMMAND", FailedOperation::comm),
            Column.text("OPERATION", FailedOperation::operation),
            Column.text("ERRNO", FailedOperation::errnoName),
            Column.text("OBJECT", FailedOperation::objectRef),
            Column.text("WHY", FailedOperation::explanation)));

    private final Function<Snapshot, List<?>> rows;
    private final Table<?> table;

    <T> View(Function<Snapshot, List<T>> rows, List<Column<T>> columns) {
        this.rows = rows::apply;
        this.table = new Table<>(columns);
    }

    List<?> rows(Snapshot snapshot) {
        return rows.apply(snapshot);
    }

    @SuppressWarnings("unchecked")
    String aligned(Snapshot snapshot) {
        return ((Table<Object>) table).aligned((List<Object>) rows(snapshot));
    }

    @SuppressWarnings("unchecked")
    String csv(Snapshot snapshot) {
        return ((Table<Object>) table).csv((List<Object>) rows(snapshot));
    }

    private static String yesNo(Boolean b) {
        return b == null ? null : b ? "y" : "n";
    }

    private static String memorySummary(DrmClient c) {
        if (c.memory().isEmpty()) {
            return null;
        }
        return c.memory().stream()
                .filter(r -> r.total() != null || r.resident() != null)
                .map(r -> r.region() + "=" + (r.total() != null ? r.total() : r.resident()))
                .collect(Collectors.joining(","));
    }

    static Map<String, View> byName() {
        return java.util.Arrays.stream(values()).collect(Collectors.toMap(v -> v.name().toLowerCase(), v -> v));
    }
}
