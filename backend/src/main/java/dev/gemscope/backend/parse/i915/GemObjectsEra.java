package dev.gemscope.backend.parse.i915;

/**
 * Layout of {@code i915_gem_objects} ({@code i915_debugfs.c: i915_gem_object_info()}), detected from the
 * text (kernel-interfaces.md §4.5.2). The kernel ranges are approximate; the reference trees are named.
 */
public enum GemObjectsEra {

    /**
     * 3.x up to at least 3.10 (3.6 reference; 3.10 read): {@code %u objects, %zu bytes} plus global counts
     * only. 3.6 prints gtt/active/inactive/mappable counts and the gtt total; 3.10 adds the unbound and
     * purgeable lines, still without a blank line or per-client lines.
     */
    GLOBAL_COUNTS,

    /**
     * ≈3.13 – 4.x (3.13, 4.2 references; 4.8 and 4.19 read): the same first line, more global counts,
     * then a blank line and one line per DRM client with active/inactive/global/shared/unbound bytes.
     * 4.19 replaces the gtt/active/inactive lines by unbound/bound/purgeable/mapped/huge-paged/display
     * lines, prints {@code %llu [%pa] gtt total} and {@code Supported page sizes: %s}.
     */
    PER_CLIENT,

    /**
     * ≈5.3 – ≈5.9: {@code %u shrinkable [%u free] objects, %llu bytes} (a ≈5.3 tree prints no
     * {@code [%u free]}), then per-client lines with closed.
     */
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
