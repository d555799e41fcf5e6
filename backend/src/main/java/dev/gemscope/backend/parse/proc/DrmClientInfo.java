package dev.gemscope.backend.parse.proc;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The DRM part of an fdinfo file: client usage statistics ({@code Documentation/gpu/drm-usage-stats.rst},
 * 5.19+). Keys the parser does not know (driver-specific ones such as {@code amd-…},
 * {@code pasid}, {@code drm-curfreq-…}) are in {@link FdInfo#otherKeys()}, in file order.
 *
 * @param driver {@code drm-driver}, the driver's registered name ({@code ""} if the line is missing)
 * @param pdev {@code drm-pdev}, the PCI address {@code %04x:%02x:%02x.%d}; only for PCI devices
 * @param clientId {@code drm-client-id}: see {@link #clientIdGlobal()} for its scope
 * @param clientName {@code drm-client-name} (6.13+), only when userspace set one
 * @param era who printed the standard lines, which tells the client id's scope
 * @param engines per-engine statistics, in the order the engines first appear
 * @param regions per-memory-region statistics, in the order the regions first appear
 */
public record DrmClientInfo(String driver, Optional<String> pdev, OptionalLong clientId,
        Optional<String> clientName, DrmClientEra era, List<DrmEngine> engines, List<DrmMemoryRegion> regions) {

    public DrmClientInfo {
        engines = List.copyOf(engines);
        regions = List.copyOf(regions);
    }

    /** Who printed the standard {@code drm-} lines, detected from their order and from 6.5+ keys. */
    public enum DrmClientEra {
        /**
         * Each driver printed its own lines (5.19 – 6.4). i915 then printed {@code drm-driver},
         * {@code drm-pdev}, {@code drm-client-id}, with a client id unique only per device
         * ({@code i915_drm_client.c: i915_drm_client_fdinfo()}, {@code %u}).
         */
        DRIVER_PRINTED,
        /**
         * The DRM core's {@code drm_show_fdinfo()} (6.5+) printed {@code drm-driver} immediately
         * followed by {@code drm-client-id}, a global per-{@code struct drm_file} counter
         * ({@code %llu}). Also chosen when 6.5+-only keys (the memory-stats helper's
         * {@code drm-total-}/{@code -shared-}/{@code -resident-}/{@code -purgeable-}/{@code -active-}
         * or {@code drm-client-name}) are present. Before 6.5, msm and panfrost printed the
         * same two lines in the same order, with ids that were global as well, so they land here too.
         */
        CORE_PRINTED
    }

    /**
     * True when the client id is known to be unique across devices: printed by the core, or no
     * {@code drm-pdev} (the spec requires {@code drm-pdev} when ids are per-device). Otherwise key
     * clients by (pdev, client id), which is always safe.
     */
    public boolean clientIdGlobal() {
        return era == DrmClientEra.CORE_PRINTED || pdev.isEmpty();
    }

    /** The region with this name, if the client reported it. */
    public Optional<DrmMemoryRegion> region(String name) {
        return regions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The engine with this name, if the client reported it. */
    public Optional<DrmEngine> engine(String name) {
        return engines.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
