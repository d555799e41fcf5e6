package dev.gemscope.backend.parse.i915;

import java.util.List;
import java.util.Optional;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * A parsed legacy i915 object list ({@code i915_gem_gtt}, {@code i915_gem_pinned}, {@code i915_gem_active},
 * {@code i915_gem_inactive}, {@code i915_gem_flushing}, {@code i915_gem_stolen}; 3.x–≈5.3 only).
 *
 * @param source what was parsed, as given to the parser
 * @param list file name part of {@code source}, e.g. {@code i915_gem_active}
 * @param format describe_obj layout of the first object, empty when there was none
 * @param objects every object line, in file order; each carries its source, list and section
 * @param totals the {@code Total …} lines, normally exactly one
 * @param sections headers seen ({@code Active}, {@code Inactive}, {@code Flushing}, {@code Stolen} …)
 * @param truncated the text lacked its final newline, so the last line was dropped
 * @param warnings lines or parts that were not understood
 */
public record I915ObjectList(String source, String list, Optional<DescribeFormat> format,
        List<DescribedObject> objects, List<ListTotal> totals, List<String> sections, boolean truncated,
        List<ParseWarning> warnings) {

    public I915ObjectList {
        objects = List.copyOf(objects);
        totals = List.copyOf(totals);
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
    }
}
