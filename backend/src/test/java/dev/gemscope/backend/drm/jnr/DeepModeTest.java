package dev.gemscope.backend.drm.jnr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DeepMode;
import dev.gemscope.backend.drm.DeepScan;
import dev.gemscope.backend.drm.DeepScanOptions;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.drm.OpenFds;
import dev.gemscope.backend.source.SystemRoot;

/**
 * Deep mode's plumbing on this process's own descriptors (a process may always pidfd_getfd and
 * kcmp itself): duplication, the "not a DRM file" answer, and that nothing is left open. The DRM
 * paths run in the live tests.
 */
class DeepModeTest {

    private static final long SELF = ProcessHandle.current().pid();

    private final DrmNative drm = JnrDrmNative.load(SystemRoot.live());
    private final DeepMode deep = drm.deepMode(DeepMode.Consent.EXPLICITLY_REQUESTED);

    @Test
    void aDescriptorThatIsNotDrmIsReportedAsSuchAndNothingLeaks() throws Exception {
        try (MemFd m = drm.memfd("gemscope-deep", 4096, 0)) {
            var before = OpenFds.targets();
            DeepScan scan = deep.scan(SELF, m.fd(), DeepScanOptions.defaults());
            assertEquals(DeepScan.Status.NOT_DRM, scan.status());
            assertTrue(scan.reason().contains("ENOTTY"), scan.reason());
            assertTrue(scan.handles().isEmpty());
            assertEquals(before, OpenFds.targets(), "the pidfd and the duplicate are closed");
        }
    }

    @Test
    void aDescriptorTheTargetDoesNotHaveGivesEbadf() {
        // Not a just-closed number: scan() opens a pidfd first, which would get that number again.
        int fd = 999_999;
        assertFalse(Files.exists(Path.of("/proc/self/fd/" + fd)));
        DrmException e = assertThrows(DrmException.class, () -> deep.scan(SELF, fd, DeepScanOptions.defaults()));
        assertEquals("pidfd_getfd", e.call());
        assertTrue(e.is(Errno.EBADF), e.getMessage());
        assertEquals("pid " + SELF + " fd " + fd, e.target());
    }

    @Test
    void consentIsRequired() {
        assertThrows(NullPointerException.class, () -> drm.deepMode(null));
    }

    @Test
    void optionsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new DeepScanOptions(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new DeepScanOptions(1, 0));
    }

    @Test
    void kcmpTellsTheSameOpenFileFromAnother() throws Exception {
        assertTrue(Files.exists(Path.of("/proc/self/fd")));
        try (MemFd a = drm.memfd("gemscope-kcmp-a", 4096, 0); MemFd b = drm.memfd("gemscope-kcmp-b", 4096, 0)) {
            int dup = Native.dupCloexec(a.fd(), "memfd");
            try {
                assertNotEquals(a.fd(), dup);
                assertTrue(drm.sameFile(SELF, a.fd(), SELF, dup));
                assertFalse(drm.sameFile(SELF, a.fd(), SELF, b.fd()));
            } finally {
                Native.close(dup);
            }
        }
    }
}
