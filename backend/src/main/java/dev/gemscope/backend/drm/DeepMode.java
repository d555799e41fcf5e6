package dev.gemscope.backend.drm;

/**
 * Probing another process's GEM handles (kernel-interfaces.md Appendix B). Intrusive: it duplicates
 * the target's DRM file with {@code pidfd_getfd(2)} (needs ptrace-attach rights: root,
 * CAP_SYS_PTRACE, or the same user under Yama scope 0), which keeps the target's {@code drm_file}
 * alive while held; the duplicate is closed before {@link #scan} returns.
 *
 * <p>Only read-only ioctls are issued on the target's handles (i915 BUSY, GET_TILING,
 * GET_CACHING). FLINK (creates a global name), PRIME export (creates or caches a dma-buf) and
 * GEM_CLOSE (would destroy the target's handle) are never used on them.
 */
public interface DeepMode {

    /** The caller's explicit opt-in; there is deliberately no default. */
    enum Consent {
        /** The user asked for deep mode on this run. */
        EXPLICITLY_REQUESTED
    }

    /**
     * Enumerates the GEM handles of {@code pid}'s DRM descriptor {@code fd}.
     *
     * @throws DrmException if the descriptor cannot be duplicated (EPERM without ptrace rights,
     *     ESRCH for a vanished process, EBADF for a closed fd, ENOSYS before 5.6)
     */
    DeepScan scan(long pid, int fd, DeepScanOptions options) throws DrmException;
}
