package dev.gemscope.app.processes;

import dev.gemscope.app.details.DetailsFactory;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.model.DrmClient;
import java.util.stream.Collectors;

/**
 * A DRM client (an open DRM file) with its memory per region and engine use.
 *
 * @param client the model record
 * @param process "sway [2190]"
 * @param device "0000:00:02.0 (i915)"
 * @param memory per region, e.g. "system0: total 24.2 MiB, resident 24.2 MiB, …"
 * @param total summed drm-total over regions, or null
 * @param resident summed drm-resident over regions, or null
 * @param engines "render 88.213 s busy; video 0.000 s busy, 2 engines"
 */
public record ClientRow(DrmClient client, String process, String device, String memory, Long total, Long resident,
        String engines) {

    public static ClientRow of(DrmClient c, SnapshotIndex index) {
        String memory = c.memory().stream().filter(r -> r.total() == null || r.total() != 0 || r.resident() != null && r.resident() != 0)
                .map(r -> r.region() + ": " + DetailsFactory.region(r)).collect(Collectors.joining("; "));
        String engines = c.engines().stream().filter(e -> e.busyNs() == null || e.busyNs() > 0)
                .map(e -> e.engine() + " " + DetailsFactory.engine(e)).collect(Collectors.joining("; "));
        return new ClientRow(c, index.processLabel(c.pid()), index.deviceLabel(c.deviceId()), memory,
                SnapshotIndex.totalMemory(c), SnapshotIndex.residentMemory(c), engines);
    }

    public String flags() {
        StringBuilder s = new StringBuilder();
        if (Boolean.TRUE.equals(client.master())) {
            s.append("master");
        }
        if (Boolean.TRUE.equals(client.authenticated())) {
            s.append(s.length() > 0 ? ", " : "").append("auth");
        }
        return s.toString();
    }
}
