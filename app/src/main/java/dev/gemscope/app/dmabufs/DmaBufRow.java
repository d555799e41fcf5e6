package dev.gemscope.app.dmabufs;

import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.model.Attachment;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A dma-buf with what its table shows besides the record itself.
 *
 * @param buffer the model record
 * @param exporter "drm (vgem)": exp_name and the exporting device when known
 * @param fences "1 pending (write)" or "1 signalled"
 * @param attachedTo importing devices
 * @param holders who references it: "sway [2190] fd 33; prime-render [2301] map"
 * @param processes how many processes reference it (fd or mapping)
 */
public record DmaBufRow(DmaBuf buffer, String exporter, String fences, String attachedTo, String holders,
        int processes) {

    public static DmaBufRow of(DmaBuf b, SnapshotIndex index) {
        String exporter = b.exporter() + (b.exporterDeviceId() == null ? "" : " (" + b.exporterDeviceId() + ")");
        long pending = b.fences().stream().filter(f -> !f.signalled()).count();
        String fences;
        if (b.fences().isEmpty()) {
            fences = "";
        } else if (pending > 0) {
            Set<String> usages = new LinkedHashSet<>();
            b.fences().stream().filter(f -> !f.signalled()).forEach(f -> usages.add(f.usage()));
            fences = pending + " pending (" + String.join(", ", usages) + ")"
                    + (b.fences().size() > pending ? ", " + (b.fences().size() - pending) + " signalled" : "");
        } else {
            fences = b.fences().size() + " signalled";
        }
        Set<String> devices = new LinkedHashSet<>();
        for (Attachment a : index.attachmentsOf(b.key())) {
            devices.add(a.deviceName());
        }
        List<String> refs = new ArrayList<>();
        for (Holder h : index.holdersOf(b.key())) {
            refs.add(index.processLabel(h.pid()) + " fd " + h.fd());
        }
        for (Mapping m : index.mappingsOf(b.key())) {
            refs.add(index.processLabel(m.pid()) + " map");
        }
        return new DmaBufRow(b, exporter, fences, String.join(", ", devices), String.join("; ", refs),
                index.referencingPids(b.key()).size());
    }

    /** "ino 57", or the key on kernels without inode numbers. */
    public String label() {
        return buffer.ino() != null ? "ino " + buffer.ino() : buffer.key();
    }

    public String key() {
        return buffer.key();
    }
}
