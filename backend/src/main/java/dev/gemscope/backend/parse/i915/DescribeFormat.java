package dev.gemscope.backend.parse.i915;

/**
 * The layouts of the i915 {@code describe_obj()} line ({@code i915_debugfs.c: describe_obj()}, since 5.x
 * {@code i915_debugfs_describe_obj()}). They differ in how many single-character flags follow the
 * pointer and in which sequence numbers follow the domains, so the parser tells them apart from the
 * line itself (the seqnos after the domains and the measured width of the flag field), never from a
 * kernel version. Vendor trees can carry a newer i915 than their version says (an Android 3.10.72 tree
 * with a backported i915 prints {@link #V3_14}), which is one more reason to read the line.
 */
public enum DescribeFormat {

    /**
     * 3.2 – ≈3.6 (3.6 reference): {@code "%p: %s%s %8zdKiB %04x %04x %d %d%s%s%s"}, flags pin
     * ({@code P} user-pinned, {@code p} pinned) and tiling; last rendering and last fenced seqno.
     */
    V3_6(2),

    /**
     * After 3.6 – before 3.13 (3.10 read: the android-3.10.y side of the merge in
     * RepoBackups/android_kernel_3.10_ville {@code 826de66f}):
     * {@code "%pK: %s%s %8zdKiB %02x %02x %d %d %d%s%s%s"}, the same two flags as {@link #V3_6} (pin,
     * tiling; no {@code g}); last read, write and fenced seqno, printed signed.
     */
    V3_10(2),

    /**
     * ≈3.13 – ≈4.7 (3.13 and 4.2 trees read): {@code "%pK: %s%s%s %8zdKiB %02x %02x %u %u %u%s%s%s"},
     * flags pin, tiling and {@code g} (has a global GTT binding); last read, write and fenced seqno.
     * This layout is not in kernel-interfaces.md §4.5.1; it was read in the kernel source.
     */
    V3_14(3),

    /**
     * ≈4.8 (4.8 reference, WindRiver-Labs/kernel-4.8.x):
     * {@code "%pK: %c%c%c%c%c %8zdKiB %02x %02x [ %x … ] %x %x%s%s%s"}, flags active {@code *},
     * display-pinned {@code p}, tiling, {@code g} (GGTT binding), {@code M} (kernel mapping); per-engine
     * last-read seqnos in brackets, then last write and last fence seqno.
     */
    V4_8(5),

    /**
     * After 4.8 – ≈5.0 (4.19 read: Atom-X-Devs/scarlet_xiaomi_sdm660, Makefile 4.19.241, file at
     * {@code 00ce7e69}; a ≈4.17 file has it too): {@code "%pK: %c%c%c%c%c %8zdKiB %02x %02x %s%s%s"},
     * flags active {@code *}, {@code p} ({@code obj->pin_global}, pinned for display), tiling,
     * {@code g} (GTT mmap userfault, {@code userfault_count}) and {@code M} (kernel vmap); no seqnos.
     */
    V4_19(5),

    /**
     * ≈5.1 – ≈5.3 (seen in a ≈5.3 i915_debugfs.c whose tree version was not pinned):
     * {@code "%pK: %c%c%c%c %8zdKiB %02x %02x %s%s%s"}, the {@link #V4_19} flags without the active
     * {@code *}: {@code p} (pin_global), tiling, {@code g} (userfault), {@code M}; no seqnos.
     */
    V5_3(4),

    /**
     * ≈5.4 – 7.3 (5.4, 5.10, 6.1, 6.12 references): {@code "%pK: %c%c%c %8zdKiB %02x %02x %s%s%s"},
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
