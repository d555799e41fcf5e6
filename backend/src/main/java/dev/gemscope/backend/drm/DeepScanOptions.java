package dev.gemscope.backend.drm;

/**
 * Limits for {@link DeepMode#scan}.
 *
 * @param maxHandle the highest handle probed
 * @param stopAfterFree stop after this many consecutive free handles. Handles are allocated from 1
 *     upward, lowest free number first ({@code drm_gem.c: drm_gem_handle_create_tail()}, {@code
 *     idr_alloc(…, 1, 0, …)}), so a long run of free numbers means the used ones are behind us.
 */
public record DeepScanOptions(int maxHandle, int stopAfterFree) {

    public DeepScanOptions {
        if (maxHandle < 1 || stopAfterFree < 1) {
            throw new IllegalArgumentException("maxHandle and stopAfterFree must be positive");
        }
    }

    /** Up to handle 1,048,576, stopping after 256 free handles in a row. */
    public static DeepScanOptions defaults() {
        return new DeepScanOptions(1 << 20, 256);
    }
}
