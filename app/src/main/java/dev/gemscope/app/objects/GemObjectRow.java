package dev.gemscope.app.objects;

import dev.gemscope.app.details.DetailsFactory;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.GemObject;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A GEM object with the context its table shows: owner, dma-buf exporter, where it is known from.
 *
 * @param object the model record
 * @param device "0000:00:02.0 (i915)"
 * @param owner "sway [2190]", or "" when no process holds a handle we can see
 * @param dmaBuf the dma-buf key with direction, e.g. "→ ino:57" (exports) or "← ino:57" (imports)
 * @param knownFrom the kernel files it was assembled from, short names
 * @param details driver attributes as {@code key=value} pairs
 */
public record GemObjectRow(GemObject object, String device, String owner, String dmaBuf, String knownFrom,
        String details) {

    public static GemObjectRow of(GemObject o, SnapshotIndex index) {
        String buf = "";
        if (o.dmaBufKey() != null) {
            DmaBuf b = index.buffer(o.dmaBufKey());
            String exporter = b == null ? "" : " (" + b.exporter() + ")";
            buf = switch (o.role()) {
                case EXPORTER -> "exports " + o.dmaBufKey();
                case IMPORTER -> "imports " + o.dmaBufKey() + exporter;
                case NONE -> o.dmaBufKey();
            };
        }
        Set<String> sources = new LinkedHashSet<>();
        for (GemObject.Evidence e : o.evidence()) {
            sources.add(DetailsFactory.shortSource(e.source()));
        }
        String attrs = o.attributes().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return new GemObjectRow(o, index.deviceLabel(o.deviceId()),
                o.ownerPid() == null ? "" : index.processLabel(o.ownerPid()), buf, String.join(", ", sources), attrs);
    }

    public String id() {
        return object.id();
    }
}
