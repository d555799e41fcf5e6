package dev.gemscope.backend.parse.i915;

import java.util.Optional;

/**
 * The closing {@code Total %d objects, %zu|%llu bytes, %zu|%llu GTT size} line of an object list
 * ({@code i915_gem_object_list_info()}, {@code i915_gem_gtt_info()}, {@code i915_gem_stolen_list_info()}).
 *
 * @param section header in force when the line was read ({@code Active} …), empty when none
 * @param objects object count
 * @param bytes summed object sizes
 * @param gttBytes summed GTT node sizes
 * @param line 1-based line number
 */
public record ListTotal(Optional<String> section, long objects, long bytes, long gttBytes, int line) {
}
