package dev.gemscope.backend.parse.dmabuf;

import java.util.OptionalLong;

/**
 * One fence line under a buffer in bufinfo.
 *
 * <p>Which fields are filled depends on the kernel ({@code dma_buf_debug_show()} up to 5.16, then
 * {@code dma-resv.c:dma_resv_describe()} with {@code dma-fence.c:dma_fence_describe()}):
 * <ul>
 *   <li>4.12–5.16: {@code Exclusive fence: driver timeline [un]signalled} — no numbers;</li>
 *   <li>5.17–6.x: {@code <usage> fence:driver timeline seq N [un]signalled} — {@code seqno} only;</li>
 *   <li>7.x: {@code <usage> fence:ctx:seq timeline driver [un]signalled} — both numbers; a signalled
 *       fence prints both names as empty strings, so {@code driver} and {@code timeline} are
 *       {@code ""}.</li>
 * </ul>
 *
 * @param usage the word before {@code fence:}, lower-cased: {@code exclusive} or {@code shared}
 *     (before 5.19), {@code kernel}, {@code write} or {@code read} (5.19+; {@code bookkeep} fences
 *     are never listed)
 * @param driver the fence's driver name, e.g. {@code i915}, {@code vgem}; may be empty
 * @param timeline the fence's timeline name; may contain spaces; may be empty
 * @param context the fence context (7.x only)
 * @param seqno the sequence number (5.17+)
 * @param signalled whether the fence had signalled when the file was read
 */
public record BufinfoFence(String usage, String driver, String timeline, OptionalLong context,
        OptionalLong seqno, boolean signalled) {
}
