package dev.gemscope.backend.parse.i915;

/**
 * The layouts of the i915 {@code describe_obj()} line ({@code i915_debugfs.c: describe_obj()}, since 5.x
 * {@code i915_debugfs_describe_obj()}). They differ in how many single-character flags follow the
 * pointer and in which sequence numbers follow the domains, so the parser tells them apart from the
 * line itself, never from a kernel version.
 */
public enum DescribeFormat {

    /**
     * 3.2 – ≈3.9 (3.6 reference): {@code "%p: %s%s %8zdKiB %04x %04x %d %d%s%s%s"}, flags pin
     * ({@code P} user-pinned, {@code p} pinned) and tiling; last rendering and last fenced seqno.
     */
    V3_6(2),

    /**
     * ≈3.10 – ≈4.7 (3.13 and 4.2 trees read): {@code "%pK: %s%s%s %8zdKiB %02x %02x %u %u %u%s%s%s"},
     * flags pin, tiling and {@code g} (has a global GTT binding); last read, write and fenced seqno.
     * This layout is not in kernel-interfaces.md §4.5.1; it was read in the kernel source.
     */
    V3_14(3),

    /**
     * ≈4.8 – ≈4.13 (4.8 reference): {@code "%pK: %c%c%c%c%c %8zdKiB %02x %02x [ %x … ] %x %x%s%s%s"},
     * flags active {@code *}, display-pinned {@code p}, tiling, {@code g} (GGTT binding), {@code M}
     * (kernel mapping); per-engine last-read seqnos in brackets, then last write and last fence seqno.
     */
    V4_8(5),

    /**
     * ≈4.14 – 7.3 (5.4, 5.10, 6.12 references): {@code "%pK: %c%c%c %8zdKiB %02x %02x %s%s%s"},
     * flags tiling, {@code g} (GTT mmap userfault) and {@code M} (kernel vmap); no seqnos; per-VMA groups.
     */
    V5_4(3);

    private final int flagWidth;

    DescribeFormat(int flagWidth) {
        this.flagWidth = flagWidth;
    }

    /** How many flag characters sit between {@code ": "} and the size field in this layout. */
    public int flagWidth() {
        return flagWidth;
    }
}
