package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.Attachment;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.DrmClient;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.model.ProcessInfo;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.model.Totals;
import java.util.Comparator;
import java.util.List;

/** The canonical order of every list in a snapshot, so equal states give equal files. */
final class SnapshotOrder {

    private SnapshotOrder() {
    }

    static Snapshot sorted(Snapshot s) {
        Comparator<Long> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        return new Snapshot(s.capturedAt(), s.host(), s.kernelRelease(), s.origin(), s.sources(), s.visibility(),
                sort(s.processes(), Comparator.comparingInt(ProcessInfo::pid)),
                sort(s.devices(), Comparator.comparing(DrmDevice::id)),
                sort(s.clients(), Comparator.comparingInt(DrmClient::pid).thenComparingInt(DrmClient::fd)),
                sort(s.gemObjects(), Comparator.comparing(GemObject::id)),
                sort(s.dmaBufs(), Comparator.comparing(DmaBuf::ino, nullsLast).thenComparing(DmaBuf::key)),
                sort(s.attachments(), Comparator.comparing(Attachment::dmaBufKey).thenComparing(Attachment::deviceName)
                        .thenComparing(a -> a.importedObjectId() == null ? "" : a.importedObjectId())),
                sort(s.holders(), Comparator.comparingInt(Holder::pid).thenComparingInt(Holder::fd)),
                sort(s.mappings(), Comparator.comparingInt(Mapping::pid).thenComparingLong(Mapping::start)),
                s.failedOperations(),
                new Totals(s.totals().dmaBufCount(), s.totals().dmaBufBytes(),
                        sort(s.totals().perProcess(), Comparator.comparingInt(Totals.ProcessUsage::pid))),
                s.warnings(), s.probeResults());
    }

    private static <T> List<T> sort(List<T> list, Comparator<T> order) {
        return list.stream().sorted(order).toList();
    }
}
