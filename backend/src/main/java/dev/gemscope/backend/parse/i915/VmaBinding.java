package dev.gemscope.backend.parse.i915;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One address-space binding from a {@code describe_obj()} group such as
 * {@code (ggtt offset: 00100000, size: 00004000, pages: 4K, normal , fence: 3)}.
 *
 * @param space which address space the offset is in
 * @param offset start of the node in that address space (printed {@code %08llx})
 * @param size node size in bytes (printed {@code %08llx})
 * @param pages 4.14+: GTT page sizes ({@code 4K}, {@code 64K}, {@code 2M}, {@code M} for mixed, or
 *     empty text when not yet known); absent before 4.14
 * @param view 4.14+ GGTT/DPT views: {@code normal}, {@code partial [..]}, {@code rotated [..]} or
 *     {@code remapped [..]}, as printed
 * @param viewType ≈4.2–4.13: the numeric GGTT view type ({@code , type: %u})
 * @param fence 4.14+: fence register attached to this VMA ({@code  , fence: %d})
 * @param text the group's text without its parentheses
 */
public record VmaBinding(Space space, long offset, long size, Optional<String> pages, Optional<String> view,
        OptionalLong viewType, OptionalLong fence, String text) {

    /** The address-space prefix of the group. */
    public enum Space {
        /** 3.6 {@code gtt offset}: the one global GTT of that era. */
        GTT,
        /** {@code ggtt offset} (3.10+): the global GTT. */
        GGTT,
        /** {@code ppgtt offset} (3.10+): a per-process GTT. */
        PPGTT,
        /** {@code dpt offset} (≈5.16+): a display page table. */
        DPT
    }
}
