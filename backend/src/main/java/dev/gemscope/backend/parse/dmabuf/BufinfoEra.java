package dev.gemscope.backend.parse.dmabuf;

/**
 * Layout generations of {@code /sys/kernel/debug/dma_buf/bufinfo}, told apart by the text itself.
 *
 * <p>The column header separates 3.10, 3.14, 4.12, 5.3 and 5.19. Two pairs share a header and are
 * told apart only by the shape of their fence lines: 5.3 versus 5.17 ({@code seq N} after
 * {@code fence:}), and 5.19 versus 7.x ({@code context:seqno} first). When a file has no fence
 * lines the earlier era of the pair is reported, because nothing in the text contradicts it.
 */
public enum BufinfoEra {
    /** No header was found and no buffer line allowed a guess. */
    UNKNOWN("?", false),
    /** {@code drivers/base/dma-buf.c:dma_buf_describe()}: exp_name first, lines indented by two TABs. */
    V3_10("3.10–3.13", false),
    /** "dma-buf: update debugfs output" (2014): size first, exp_name last, no fences. */
    V3_14("3.14–4.11", false),
    /** Padded header and {@code Exclusive fence: } / {@code Shared fence: } lines (2017). */
    V4_12("4.12–5.2", false),
    /** Inode and name columns; fences as in 4.12 (until 5.16). */
    V5_3("5.3–5.16", true),
    /** {@code dma_fence_describe()}: {@code \tExclusive fence:drv tl seq N signalled}, no space. */
    V5_17("5.17–5.18", true),
    /** Header gains {@code name}, unset names print {@code <none>}, fences named by dma_resv usage. */
    V5_19("5.19–6.x", true),
    /** "dma-buf: cleanup dma_fence_describe v3": {@code fence:ctx:seq timeline driver}. */
    V7("7.x", true);

    private final String kernels;
    private final boolean hasInode;

    BufinfoEra(String kernels, boolean hasInode) {
        this.kernels = kernels;
        this.hasInode = hasInode;
    }

    /** The kernel versions that print this layout, e.g. {@code "4.12–5.2"}, for display. */
    public String kernels() {
        return kernels;
    }

    /** Whether buffer lines carry the {@code ino} and {@code name} columns (5.3+). */
    public boolean hasInode() {
        return hasInode;
    }
}
