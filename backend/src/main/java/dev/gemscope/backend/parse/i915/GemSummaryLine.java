package dev.gemscope.backend.parse.i915;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A global count line of the pre-5.4 {@code i915_gem_objects}, e.g.
 * {@code "  %u [%u] active objects, %zu [%zu] bytes"}, {@code "%u purgeable objects, %llu bytes"} or, in
 * 4.19, {@code "%u huge-paged objects (%s) %llu bytes"} and
 * {@code "%u display objects (globally pinned), %llu bytes"}.
 *
 * @param label the words around the numbers: {@code in gtt}, {@code active}, {@code inactive},
 *     {@code unbound}, {@code purgeable}, {@code pinned mappable}, {@code fault mappable},
 *     {@code pin mapped [purgeable]}; 4.19 also {@code bound}, {@code mapped}, {@code huge-paged},
 *     {@code display}
 * @param count object count
 * @param secondaryCount the bracketed count: mappable for gtt/active/inactive, purgeable for pin mapped
 * @param bytes byte total
 * @param secondaryBytes the bracketed byte total, same meaning as {@code secondaryCount}
 * @param qualifier the parenthesised text after {@code objects}: the page sizes of the huge-paged
 *     objects ({@code 2M, 64K}; empty text when there are none) or {@code globally pinned}
 * @param line 1-based line number
 */
public record GemSummaryLine(String label, long count, OptionalLong secondaryCount, long bytes,
        OptionalLong secondaryBytes, Optional<String> qualifier, int line) {
}
