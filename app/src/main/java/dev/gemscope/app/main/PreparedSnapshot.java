package dev.gemscope.app.main;

import dev.gemscope.app.details.DetailsFactory;
import dev.gemscope.app.devices.DeviceRow;
import dev.gemscope.app.dmabufs.DmaBufsViewModel;
import dev.gemscope.app.failures.FailuresViewModel;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.app.objects.GemObjectRow;
import dev.gemscope.app.processes.ProcessesViewModel;
import dev.gemscope.app.table.TableModel;
import dev.gemscope.backend.model.Snapshot;
import java.util.List;

/**
 * A snapshot with everything the tables show already computed — index, rows with their filter text —
 * so the FX thread only swaps them in. Built by background jobs. (The sharing graph is built
 * separately, when its tab is shown.)
 */
record PreparedSnapshot(
        Snapshot snapshot,
        SnapshotIndex index,
        DetailsFactory details,
        TableModel.Prepared<GemObjectRow> objects,
        DmaBufsViewModel.Prepared dmaBufs,
        ProcessesViewModel.Prepared processes,
        FailuresViewModel.Prepared failures,
        List<DeviceRow> devices) {

    /** Off the FX thread: reads only the view models' immutable column definitions. */
    static PreparedSnapshot of(Snapshot s, MainViewModel vm) {
        SnapshotIndex index = new SnapshotIndex(s);
        return new PreparedSnapshot(s, index, new DetailsFactory(index), vm.objects().prepare(index),
                vm.dmaBufs().prepare(index), vm.processes().prepare(index), vm.failures().prepare(index),
                dev.gemscope.app.devices.DevicesViewModel.prepare(index));
    }
}
