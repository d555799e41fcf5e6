package dev.gemscope.backend.parse.proc;

import java.util.OptionalLong;

/**
 * Per-memory-region drm-usage-stats of one DRM client, all in bytes (the kernel's {@code KiB} and
 * {@code MiB} are converted). Region names may contain dashes: i915 prints {@code system0},
 * {@code stolen-system0}, {@code local0}, {@code stolen-local0}; the core helper's default region
 * is {@code memory}; amdgpu uses {@code vram}, {@code gtt}, {@code cpu}.
 *
 * @param name the {@code <region>} part of the keys
 * @param total {@code drm-total-<region>} (6.5+ core helper)
 * @param shared {@code drm-shared-<region>}: objects with more than one handle or with a dma-buf
 *     (exported or imported), the fdinfo-level PRIME indication
 * @param resident {@code drm-resident-<region>}
 * @param purgeable {@code drm-purgeable-<region>}
 * @param active {@code drm-active-<region>}: objects with unsignalled fences
 * @param legacyMemory {@code drm-memory-<region>} (5.19+), the deprecated alias of resident that
 *     amdgpu still prints
 */
public record DrmMemoryRegion(String name, OptionalLong total, OptionalLong shared, OptionalLong resident,
        OptionalLong purgeable, OptionalLong active, OptionalLong legacyMemory) {

    /** {@link #resident()} if printed, else the deprecated {@link #legacyMemory()} alias. */
    public OptionalLong residentOrLegacy() {
        return resident.isPresent() ? resident : legacyMemory;
    }
}
