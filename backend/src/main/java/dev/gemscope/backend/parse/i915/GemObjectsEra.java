package dev.gemscope.backend.parse.i915;

/**
 * Layout of {@code i915_gem_objects} ({@code i915_debugfs.c: i915_gem_object_info()}), detected from the
 * text (kernel-interfaces.md §4.5.2). The kernel ranges are approximate; the reference trees are named.
 */
public enum GemObjectsEra {

    /** 3.x (3.6): {@code %u objects, %zu bytes} plus global gtt/active/inactive/mappable counts only. */
    GLOBAL_COUNTS,

    /**
     * ≈3.10 – 4.x (3.13, 4.2, 4.8): the same first line, more global counts (unbound, purgeable, pin
     * mapped), then one line per DRM client with active/inactive/global/shared/unbound bytes.
     */
    PER_CLIENT,

    /** 5.4 – ≈5.9: {@code %u shrinkable [%u free] objects, %llu bytes}, then per-client lines with closed. */
    SHRINKABLE,

    /** ≈5.10: shrinkable line, {@code %s: total:%pa, available:%pa bytes} per region, per-client lines. */
    REGIONS_WITH_CLIENTS,

    /**
     * ≈5.15 – 7.3 (6.1, 6.12, 7.3): shrinkable line and per region either {@code total:%pa bytes} or a TTM
     * manager dump; no per-client lines.
     */
    REGION_DEBUG,

    /** The first line matched none of the known layouts. */
    UNKNOWN
}
