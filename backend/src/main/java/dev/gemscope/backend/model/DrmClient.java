package dev.gemscope.backend.model;

import java.util.List;
import java.util.Map;

/**
 * An open DRM file as one process sees it: a (pid, fd) whose link is a DRM node.
 *
 * @param deviceId the {@link DrmDevice#id()} of the node, or null if the node is unknown
 * @param node the node name ({@code card0}, {@code renderD128})
 * @param pid holder process
 * @param comm holder's task name
 * @param fd the fd number in that process
 * @param clientId {@code drm-client-id} from fdinfo (global on 6.5+, per device on i915 5.19–6.4), or null
 * @param clientName {@code drm-client-name} (6.13+), or null
 * @param uid from debugfs {@code clients}, or null
 * @param master is the current DRM master (debugfs {@code clients}), or null when unknown
 * @param authenticated DRM-authenticated (debugfs {@code clients}), or null when unknown
 * @param memory per-region memory from fdinfo {@code drm-total/shared/resident/purgeable/active-<region>}
 * @param engines per-engine busy time and capacity from fdinfo
 * @param driverKeys driver-specific fdinfo keys, verbatim
 */
public record DrmClient(
        String deviceId,
        String node,
        int pid,
        String comm,
        int fd,
        Long clientId,
        String clientName,
        Integer uid,
        Boolean master,
        Boolean authenticated,
        List<RegionUsage> memory,
        List<EngineUsage> engines,
        Map<String, String> driverKeys) {

    public DrmClient {
        memory = Lists.copy(memory);
        engines = Lists.copy(engines);
        driverKeys = Lists.copy(driverKeys);
    }

    /** Memory of one region in bytes; null where the kernel did not print the key. */
    public record RegionUsage(String region, Long total, Long shared, Long resident, Long purgeable, Long active) {
    }

    /**
     * Use of one engine class.
     *
     * @param busyNs {@code drm-engine-<e>} in nanoseconds
     * @param capacity {@code drm-engine-capacity-<e>} (engines of that class), null when 1/not printed
     * @param cycles {@code drm-cycles-<e>}
     * @param totalCycles {@code drm-total-cycles-<e>}
     * @param maxFreq {@code drm-maxfreq-<e>} with its unit
     */
    public record EngineUsage(String engine, Long busyNs, Long capacity, Long cycles, Long totalCycles, String maxFreq) {
    }
}
