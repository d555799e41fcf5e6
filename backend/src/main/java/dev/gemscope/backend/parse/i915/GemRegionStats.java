package dev.gemscope.backend.parse.i915;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One memory region of 5.10+ {@code i915_gem_objects} ({@code intel_memory_region_debug()}). Regions
 * without TTM print {@code total:%pa} (5.10 also {@code available:%pa}); TTM-managed regions print
 * {@code ttm_resource_manager_debug()} ({@code use_type}, {@code use_tt}, {@code size}, {@code usage})
 * followed by the manager's own dump (for i915 the buddy allocator), which is kept but not interpreted.
 *
 * @param name region name: {@code system}, {@code system-ttm}, {@code stolen-system}, {@code local<n>},
 *     {@code stolen-local} …
 * @param total region size in bytes ({@code %pa})
 * @param available 5.10 only: unallocated bytes ({@code %pa})
 * @param useType TTM {@code use_type}
 * @param useTt TTM {@code use_tt}
 * @param size TTM manager {@code size} as printed
 * @param usage TTM manager {@code usage} as printed (≈5.18+)
 * @param dumpBytes {@code key: <n>KiB|MiB} values of the allocator dump converted to bytes (rounded down
 *     by the kernel to the printed unit), e.g. {@code default_page_size}, {@code visible_avail},
 *     {@code visible_size}, {@code chunk_size}, {@code total}, {@code free}
 * @param dumpLines every other dump line, verbatim
 * @param line 1-based line number of the region's first line
 */
public record GemRegionStats(String name, OptionalLong total, OptionalLong available, OptionalLong useType,
        OptionalLong useTt, OptionalLong size, OptionalLong usage, Map<String, Long> dumpBytes,
        List<String> dumpLines, int line) {

    public GemRegionStats {
        dumpBytes = Map.copyOf(dumpBytes);
        dumpLines = List.copyOf(dumpLines);
    }
}
