package dev.gemscope.backend.parse.i915;

import java.util.OptionalLong;

/**
 * A per-client line of {@code i915_gem_objects} ({@code print_file_stats()}):
 * {@code <comm>: %lu objects, %llu bytes (…)}. Kernel pseudo-clients are named {@code [k]batch pool}
 * and {@code [k]contexts}. A byte field the era does not print is empty.
 *
 * @param name process comm (may contain blanks and colons), {@code <unknown>}, or a {@code [k]} name
 * @param kernel the name starts with {@code [k]}
 * @param objects object count
 * @param bytes total object bytes
 * @param active bytes bound and busy
 * @param inactive bytes bound and idle
 * @param global ≈3.10–4.x: bytes in the global GTT
 * @param shared ≈3.10–4.x: bytes of objects with a flink name or a dma-buf (PRIME hint)
 * @param unbound bytes not bound anywhere
 * @param closed 5.x: bytes of closed VMAs
 * @param line 1-based line number
 */
public record GemClientStats(String name, boolean kernel, long objects, long bytes, OptionalLong active,
        OptionalLong inactive, OptionalLong global, OptionalLong shared, OptionalLong unbound, OptionalLong closed,
        int line) {
}
