package dev.gemscope.app.index;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Look-ups over one immutable snapshot, built once per snapshot off the FX thread: by pid, by
 * dma-buf key, by object id, by device. Every view model reads its rows through one of these.
 */
public final class SnapshotIndex {

    private final Snapshot snapshot;
    private final Map<Integer, ProcessInfo> processes = new LinkedHashMap<>();
    private final Map<String, DrmDevice> devices = new LinkedHashMap<>();
    private final Map<String, DmaBuf> buffers = new LinkedHashMap<>();
    private final Map<String, GemObject> objects = new LinkedHashMap<>();
    private final Map<String, List<Holder>> holdersByBuffer = new LinkedHashMap<>();
    private final Map<String, List<Mapping>> mappingsByBuffer = new LinkedHashMap<>();
    private final Map<String, List<Attachment>> attachmentsByBuffer = new LinkedHashMap<>();
    private final Map<String, List<GemObject>> objectsByBuffer = new LinkedHashMap<>();
    private final Map<Integer, List<Holder>> holdersByPid = new LinkedHashMap<>();
    private final Map<Integer, List<Mapping>> mappingsByPid = new LinkedHashMap<>();
    private final Map<Integer, List<DrmClient>> clientsByPid = new LinkedHashMap<>();
    private final Map<Integer, Totals.ProcessUsage> usageByPid = new LinkedHashMap<>();
    private final Map<Integer, Integer> ownedByPid = new LinkedHashMap<>();

    public SnapshotIndex(Snapshot snapshot) {
        this.snapshot = snapshot;
        snapshot.processes().forEach(p -> processes.put(p.pid(), p));
        snapshot.devices().forEach(d -> devices.put(d.id(), d));
        snapshot.dmaBufs().forEach(b -> buffers.put(b.key(), b));
        for (GemObject o : snapshot.gemObjects()) {
            objects.put(o.id(), o);
            if (o.ownerPid() != null) {
                ownedByPid.merge(o.ownerPid(), 1, Integer::sum);
            }
            if (o.dmaBufKey() != null) {
                objectsByBuffer.computeIfAbsent(o.dmaBufKey(), k -> new ArrayList<>()).add(o);
            }
        }
        for (Holder h : snapshot.holders()) {
            holdersByPid.computeIfAbsent(h.pid(), k -> new ArrayList<>()).add(h);
            if (h.dmaBufKey() != null) {
                holdersByBuffer.computeIfAbsent(h.dmaBufKey(), k -> new ArrayList<>()).add(h);
            }
        }
        for (Mapping m : snapshot.mappings()) {
            mappingsByPid.computeIfAbsent(m.pid(), k -> new ArrayList<>()).add(m);
            if (m.dmaBufKey() != null) {
                mappingsByBuffer.computeIfAbsent(m.dmaBufKey(), k -> new ArrayList<>()).add(m);
            }
        }
        for (Attachment a : snapshot.attachments()) {
            attachmentsByBuffer.computeIfAbsent(a.dmaBufKey(), k -> new ArrayList<>()).add(a);
        }
        for (DrmClient c : snapshot.clients()) {
            clientsByPid.computeIfAbsent(c.pid(), k -> new ArrayList<>()).add(c);
        }
        snapshot.totals().perProcess().forEach(u -> usageByPid.put(u.pid(), u));
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public ProcessInfo process(int pid) {
        return processes.get(pid);
    }

    /** "comm [pid]", with the comm from wherever it is known. */
    public String processLabel(int pid) {
        ProcessInfo p = processes.get(pid);
        String comm = p != null ? p.comm() : clientsByPid.getOrDefault(pid, List.of()).stream()
                .map(DrmClient::comm).findFirst().orElse("?");
        return comm + " [" + pid + "]";
    }

    public DrmDevice device(String id) {
        return id == null ? null : devices.get(id);
    }

    /** "0000:00:02.0 (i915)", or the bare name for devices that are not DRM devices. */
    public String deviceLabel(String id) {
        if (id == null) {
            return "";
        }
        DrmDevice d = devices.get(id);
        return d == null || d.driver() == null ? id : id + " (" + d.driver() + ")";
    }

    public DmaBuf buffer(String key) {
        return key == null ? null : buffers.get(key);
    }

    public GemObject object(String id) {
        return id == null ? null : objects.get(id);
    }

    public List<Holder> holdersOf(String bufferKey) {
        return holdersByBuffer.getOrDefault(bufferKey, List.of());
    }

    public List<Mapping> mappingsOf(String bufferKey) {
        return mappingsByBuffer.getOrDefault(bufferKey, List.of());
    }

    public List<Attachment> attachmentsOf(String bufferKey) {
        return attachmentsByBuffer.getOrDefault(bufferKey, List.of());
    }

    /** GEM objects exporting or importing the buffer. */
    public List<GemObject> objectsOf(String bufferKey) {
        return objectsByBuffer.getOrDefault(bufferKey, List.of());
    }

    public List<Holder> holdersOf(int pid) {
        return holdersByPid.getOrDefault(pid, List.of());
    }

    public List<Mapping> mappingsOf(int pid) {
        return mappingsByPid.getOrDefault(pid, List.of());
    }

    public List<DrmClient> clientsOf(int pid) {
        return clientsByPid.getOrDefault(pid, List.of());
    }

    /** How many GEM objects the process holds a handle to (that we can see). */
    public int objectsOwnedBy(int pid) {
        return ownedByPid.getOrDefault(pid, 0);
    }

    public Totals.ProcessUsage usage(int pid) {
        return usageByPid.get(pid);
    }

    /** Processes that reference the buffer by fd or mapping, in pid order of first reference. */
    public Set<Integer> referencingPids(String bufferKey) {
        Set<Integer> pids = new LinkedHashSet<>();
        holdersOf(bufferKey).forEach(h -> pids.add(h.pid()));
        mappingsOf(bufferKey).forEach(m -> pids.add(m.pid()));
        return pids;
    }

    /** Every pid the snapshot mentions: processes, clients, holders, mappings. */
    public Set<Integer> allPids() {
        Set<Integer> pids = new LinkedHashSet<>(processes.keySet());
        pids.addAll(clientsByPid.keySet());
        pids.addAll(holdersByPid.keySet());
        pids.addAll(mappingsByPid.keySet());
        return pids;
    }

    /** The client a GEM object belongs to (same pid, device and client id), or null. */
    public DrmClient clientOf(GemObject o) {
        if (o.ownerPid() == null) {
            return null;
        }
        for (DrmClient c : clientsOf(o.ownerPid())) {
            boolean sameDevice = o.deviceId() != null && o.deviceId().equals(c.deviceId());
            if (sameDevice && (o.clientId() == null || o.clientId().equals(c.clientId()))) {
                return c;
            }
        }
        return null;
    }

    /** Sum of {@code drm-total-*} over a client's regions, or null when fdinfo printed none. */
    public static Long totalMemory(DrmClient c) {
        Long sum = null;
        for (DrmClient.RegionUsage r : c.memory()) {
            if (r.total() != null) {
                sum = (sum == null ? 0 : sum) + r.total();
            }
        }
        return sum;
    }

    /** Sum of {@code drm-resident-*} over a client's regions, or null. */
    public static Long residentMemory(DrmClient c) {
        Long sum = null;
        for (DrmClient.RegionUsage r : c.memory()) {
            if (r.resident() != null) {
                sum = (sum == null ? 0 : sum) + r.resident();
            }
        }
        return sum;
    }
}
