package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.DrmClient;
import dev.gemscope.backend.parse.drm.DriClientsParser;
import dev.gemscope.backend.parse.proc.DrmClientInfo;
import dev.gemscope.backend.parse.proc.DrmEngine;
import dev.gemscope.backend.parse.proc.DrmMemoryRegion;
import dev.gemscope.backend.parse.proc.FdInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns DRM fds into {@link DrmClient}s: the node gives the device, fdinfo gives the client id and
 * usage stats (5.19+), and the debugfs {@code clients} row gives master/auth/uid. Rows are matched by
 * client id where both sides have it (6.15+), else by (pid, minor); each row is used once.
 */
final class ClientJoin {

    private final DeviceCatalog devices;
    private final Map<String, List<DebugfsDir>> dirsByDevice;
    private final Set<DriClientsParser.Client> usedRows = new HashSet<>();
    private final Map<String, DriClientsParser.Client> rowByFile = new java.util.HashMap<>();

    ClientJoin(DeviceCatalog devices, Map<String, List<DebugfsDir>> dirsByDevice) {
        this.devices = devices;
        this.dirsByDevice = dirsByDevice;
    }

    DrmClient client(ScannedProcess p, ScannedProcess.ScannedFd fd) {
        String node = fd.link().name();
        Optional<DrmClientInfo> drm = fd.info().flatMap(FdInfo::drm);
        String deviceId = devices.idForNode(node)
                .or(() -> drm.flatMap(DrmClientInfo::pdev).flatMap(devices::idForAttachment))
                .orElse(null);
        OptionalLong clientId = drm.map(DrmClientInfo::clientId).orElse(OptionalLong.empty());
        int minor = fd.link().minor().orElse(-1);
        String fileKey = deviceId + "/" + (clientId.isPresent() ? Long.toUnsignedString(clientId.getAsLong()) : "");
        Optional<DriClientsParser.Client> row = clientId.isPresent() && rowByFile.containsKey(fileKey)
                ? Optional.of(rowByFile.get(fileKey))
                : findRow(deviceId, p.pid(), minor, clientId);
        row.ifPresent(usedRows::add);
        if (clientId.isPresent()) {
            // Before 6.15 rows carry no client id: a second fd on the same drm_file (dup, fork,
            // SCM_RIGHTS) is known by its fdinfo client id and gets the row the first one matched.
            row.ifPresent(r -> rowByFile.putIfAbsent(fileKey, r));
        }
        String clientName = drm.flatMap(DrmClientInfo::clientName)
                .or(() -> row.map(DriClientsParser.Client::clientName).filter(s -> !s.isEmpty()))
                .orElse(null);
        return new DrmClient(deviceId, node, p.pid(), p.comm(), fd.fd(),
                clientId.isPresent() ? Long.valueOf(clientId.getAsLong())
                        : row.flatMap(r -> boxed(r.clientId())).orElse(null),
                clientName,
                row.map(r -> (int) r.uid()).orElse(null),
                row.flatMap(DriClientsParser.Client::master).orElse(null),
                row.map(DriClientsParser.Client::authenticated).orElse(null),
                drm.map(ClientJoin::regions).orElse(List.of()),
                drm.map(ClientJoin::engines).orElse(List.of()),
                fd.info().map(FdInfo::otherKeys).orElse(Map.of()));
    }

    private Optional<DriClientsParser.Client> findRow(String deviceId, int pid, int minor, OptionalLong clientId) {
        if (deviceId == null) {
            return Optional.empty();
        }
        for (DebugfsDir dir : dirsByDevice.getOrDefault(deviceId, List.of())) {
            for (DriClientsParser.Client row : dir.clients()) {
                if (clientId.isPresent() && row.clientId().isPresent()) {
                    // Same client id = same drm_file: fds shared by dup/fork/SCM_RIGHTS all get its row.
                    if (clientId.getAsLong() == row.clientId().getAsLong()) {
                        return Optional.of(row);
                    }
                } else if (!usedRows.contains(row) && row.pid() == pid && (minor < 0 || row.minorIndex() == minor)) {
                    return Optional.of(row);
                }
            }
        }
        return Optional.empty();
    }

    /** debugfs rows no visible fd matched: clients of processes this collection could not see. */
    List<DriClientsParser.Client> unmatchedRows() {
        List<DriClientsParser.Client> out = new ArrayList<>();
        dirsByDevice.values().forEach(dirs -> dirs.forEach(d -> d.clients().stream()
                .filter(r -> !usedRows.contains(r)).forEach(out::add)));
        return out;
    }

    private static List<DrmClient.RegionUsage> regions(DrmClientInfo info) {
        List<DrmClient.RegionUsage> out = new ArrayList<>();
        for (DrmMemoryRegion r : info.regions()) {
            out.add(new DrmClient.RegionUsage(r.name(), box(r.total()), box(r.shared()), box(r.residentOrLegacy()),
                    box(r.purgeable()), box(r.active())));
        }
        return out;
    }

    private static List<DrmClient.EngineUsage> engines(DrmClientInfo info) {
        List<DrmClient.EngineUsage> out = new ArrayList<>();
        for (DrmEngine e : info.engines()) {
            out.add(new DrmClient.EngineUsage(e.name(), box(e.busyNs()), box(e.capacity()), box(e.cycles()),
                    box(e.totalCycles()), e.maxFreqHz().isPresent() ? e.maxFreqHz().getAsLong() + " Hz" : null));
        }
        return out;
    }

    private static Long box(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }

    private static Optional<Long> boxed(OptionalLong v) {
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }
}
