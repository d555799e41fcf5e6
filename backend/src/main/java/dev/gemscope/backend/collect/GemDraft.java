package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.GemObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A GEM object being assembled from several sources; later evidence refines, never erases. */
final class GemDraft {

    final String id;
    final String deviceId;
    Integer ownerPid;
    Long clientId;
    Integer handle;
    Integer flinkName;
    Long size;
    GemObject.Backing backing = GemObject.Backing.UNKNOWN;
    Long dmaBufIno;
    String dmaBufKey;
    GemObject.Role role = GemObject.Role.NONE;
    final List<GemObject.Evidence> evidence = new ArrayList<>();
    final Map<String, String> attributes = new TreeMap<>();

    GemDraft(String id, String deviceId) {
        this.id = id;
        this.deviceId = deviceId;
    }

    GemDraft known(String source, String rule) {
        GemObject.Evidence e = new GemObject.Evidence(source, rule);
        if (!evidence.contains(e)) {
            evidence.add(e);
        }
        return this;
    }

    /** A backing from a direct signal wins over UNKNOWN; two direct signals that disagree are kept visible. */
    GemDraft backing(GemObject.Backing b) {
        if (backing == GemObject.Backing.UNKNOWN) {
            backing = b;
        } else if (b != GemObject.Backing.UNKNOWN && b != backing) {
            attributes.put("backingConflict", backing + " vs " + b);
        }
        return this;
    }

    GemDraft size(long bytes) {
        if (size == null || bytes > size) {
            size = bytes;
        }
        return this;
    }

    GemObject build() {
        return new GemObject(id, deviceId, ownerPid, clientId, handle, flinkName, size, backing, dmaBufIno, dmaBufKey,
                role, evidence, attributes);
    }
}
