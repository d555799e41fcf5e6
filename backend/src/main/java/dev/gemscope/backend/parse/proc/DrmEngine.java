package dev.gemscope.backend.parse.proc;

import java.util.OptionalLong;

/**
 * Per-engine drm-usage-stats of one DRM client. Engine names are driver-defined and may contain
 * dashes (i915 {@code video-enhance}, panfrost {@code vertex-tiler}).
 *
 * @param name the {@code <engine>} part of the keys
 * @param busyNs {@code drm-engine-<e>: <uint> ns}, busy time
 * @param capacity {@code drm-engine-capacity-<e>}; absent means 1 (the spec says to assume one)
 * @param cycles {@code drm-cycles-<e>}, busy cycles (msm, panfrost, xe, ...)
 * @param totalCycles {@code drm-total-cycles-<e>}, the GPU's cycle counter (xe, panthor)
 * @param maxFreqHz {@code drm-maxfreq-<e>}, converted to Hz from its {@code Hz|KHz|MHz} unit
 */
public record DrmEngine(String name, OptionalLong busyNs, OptionalLong capacity, OptionalLong cycles,
        OptionalLong totalCycles, OptionalLong maxFreqHz) {

    /** The engine count to divide busy time by: the capacity if printed, else 1. */
    public long effectiveCapacity() {
        return capacity.isPresent() && capacity.getAsLong() > 0 ? capacity.getAsLong() : 1;
    }
}
