package dev.gemscope.backend.model;

import java.util.List;

/**
 * What the collection could not see, and why. Partial visibility is normal (an unprivileged user
 * sees only their own processes, debugfs is root-only); it is reported, never hidden.
 *
 * @param complete true when nothing relevant was hidden
 * @param processesScanned processes whose /proc entry was read
 * @param processesVanished processes that exited during the scan (skipped)
 * @param fdsVanished fds closed during the scan (skipped)
 * @param processesDenied processes whose fd table could not be read (permissions)
 * @param issues each gap: what is missing, why, what would show it
 */
public record VisibilityReport(
        boolean complete,
        int processesScanned,
        int processesVanished,
        int fdsVanished,
        int processesDenied,
        List<Issue> issues) {

    public VisibilityReport {
        issues = Lists.copy(issues);
    }

    public static VisibilityReport full() {
        return new VisibilityReport(true, 0, 0, 0, 0, List.of());
    }

    /**
     * One gap in what was seen.
     *
     * @param scope where: {@code "debugfs"}, {@code "pid 1234"}, {@code "dma-buf holders"}
     * @param missing what could not be seen
     * @param reason why (EACCES, not mounted, kernel too old, ...)
     * @param remedy what would show it (run as root, CAP_SYS_PTRACE, mount debugfs, ...); may be empty
     */
    public record Issue(String scope, String missing, String reason, String remedy) {
    }
}
