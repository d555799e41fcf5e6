package dev.gemscope.backend.parse.i915;

import java.util.List;
import java.util.OptionalLong;

/**
 * Request sequence numbers printed by the 3.x and 4.8 {@code describe_obj()} layouts. Which ones exist
 * depends on the {@link DescribeFormat}; the later layouts ({@code V4_19}, {@code V5_3}, {@code V5_4})
 * print none ({@link #NONE}).
 *
 * @param lastRendering 3.6 only: {@code last_rendering_seqno} (printed with {@code %d}, so values above
 *     2^31 are read back as the unsigned 32-bit number the kernel stored)
 * @param lastRead 3.10 and 3.14: one value ({@code last_read_seqno}); 4.8: one value per engine, in engine order
 * @param lastWrite 3.10, 3.14 and 4.8: last write seqno
 * @param lastFenced 3.6, 3.10, 3.14 and 4.8: last fenced seqno
 */
public record Seqnos(OptionalLong lastRendering, List<Long> lastRead, OptionalLong lastWrite,
        OptionalLong lastFenced) {

    /** No seqnos printed (4.19 and later layouts). */
    public static final Seqnos NONE =
            new Seqnos(OptionalLong.empty(), List.of(), OptionalLong.empty(), OptionalLong.empty());

    public Seqnos {
        lastRead = List.copyOf(lastRead);
    }
}
