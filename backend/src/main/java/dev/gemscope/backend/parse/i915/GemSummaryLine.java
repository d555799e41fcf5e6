package dev.gemscope.backend.parse.i915;

import java.util.OptionalLong;

/**
 * A global count line of the pre-5.4 {@code i915_gem_objects}, e.g.
 * {@code "  %u [%u] active objects, %zu [%zu] bytes"} or {@code "%u purgeable objects, %llu bytes"}.
 *
 * @param label the words around the numbers: {@code in gtt}, {@code active}, {@code inactive},
 *     {@code unbound}, {@code purgeable}, {@code pinned mappable}, {@code fault mappable},
 *     {@code pin mapped [purgeable]}
 * @param count object count
 * @param secondaryCount the bracketed count: mappable for gtt/active/inactive, purgeable for pin mapped
 * @param bytes byte total
 * @param secondaryBytes the bracketed byte total, same meaning as {@code secondaryCount}
 * @param line 1-based line number
 */
public record GemSummaryLine(String label, long count, OptionalLong secondaryCount, long bytes,
        OptionalLong secondaryBytes, int line) {
}
