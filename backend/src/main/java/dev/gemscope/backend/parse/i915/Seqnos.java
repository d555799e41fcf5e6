package dev.gemscope.backend.parse.i915;

import java.util.List;
import java.util.OptionalLong;

/**
 * Request sequence numbers printed by the pre-4.14 {@code describe_obj()} layouts. Which ones exist
 * depends on the {@link DescribeFormat}; the 4.14+ layout prints none ({@link #NONE}).
 *
 * @param lastRendering 3.6 only: {@code last_rendering_seqno} (printed with {@code %d}, so values above
 *     2^31 are read back as the unsigned 32-bit number the kernel stored)
 * @param lastRead 3.14: one value ({@code last_read_seqno}); 4.8: one value per engine, in engine order
 * @param lastWrite 3.14 and 4.8: last write seqno
 * @param lastFenced 3.6, 3.14 and 4.8: last fenced seqno
 */
public record Seqnos(OptionalLong lastRendering, List<Long> lastRead, OptionalLong lastWrite,
        OptionalLong lastFenced) {

    /** No seqnos printed (4.14+ layout). */
    public static final Seqnos NONE =
            new Seqnos(OptionalLong.empty(), List.of(), OptionalLong.empty(), OptionalLong.empty());

    public Seqnos {
        lastRead = List.copyOf(lastRead);
    }
}
