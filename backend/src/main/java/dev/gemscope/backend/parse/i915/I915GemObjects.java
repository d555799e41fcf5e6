package dev.gemscope.backend.parse.i915;

import java.util.List;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * Parsed {@code i915_gem_objects}.
 *
 * @param era detected layout
 * @param objectCount before 5.4 all objects; 5.4+ only the <em>shrinkable</em> ones (the first number
 *     either way, which is also what IGT's {@code get_object_count()} reads)
 * @param bytes bytes belonging to {@code objectCount}
 * @param freeCount 5.4+: objects queued for freeing ({@code [%u free]}; a ≈5.3 tree prints no such field)
 * @param summaries pre-5.4 global count lines
 * @param gttTotal pre-5.4 {@code %zu [%zu] gtt total}: GTT size
 * @param mappableGttTotal pre-5.4: CPU-mappable part of the GTT (4.19 prints it with {@code %pa} in hex)
 * @param supportedPageSizes 4.19: {@code Supported page sizes: %s}, e.g. {@code [2M, 64K, 4K]}; empty
 *     when the line is absent
 * @param clients per-client lines (after 3.10 – 5.x; 3.10 prints none)
 * @param regions memory regions (5.10+)
 * @param truncated the text lacked its final newline, so the last line was dropped
 * @param warnings lines that were not understood
 */
public record I915GemObjects(GemObjectsEra era, OptionalLong objectCount, OptionalLong bytes,
        OptionalLong freeCount, List<GemSummaryLine> summaries, OptionalLong gttTotal, OptionalLong mappableGttTotal,
        List<String> supportedPageSizes, List<GemClientStats> clients, List<GemRegionStats> regions,
        boolean truncated, List<ParseWarning> warnings) {

    public I915GemObjects {
        summaries = List.copyOf(summaries);
        supportedPageSizes = List.copyOf(supportedPageSizes);
        clients = List.copyOf(clients);
        regions = List.copyOf(regions);
        warnings = List.copyOf(warnings);
    }
}
