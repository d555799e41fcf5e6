package dev.gemscope.backend.drm.jnr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.source.SystemRoot;

/** LibC loads and errno comes back through LastError into DrmException; no DRM device needed. */
class NativeTest {

    private final DrmNative drm = JnrDrmNative.load(SystemRoot.live());

    @Test
    void openOfAMissingFileGivesEnoent() {
        DrmException e = assertThrows(DrmException.class, () -> drm.devices().open("/nonexistent/renderD128"));
        assertEquals("open", e.call());
        assertEquals("ENOENT", e.errnoName());
        assertEquals("open on /nonexistent/renderD128: ENOENT (2)", e.getMessage());
    }

    @Test
    void drmIoctlOnAFileThatIsNotDrmGivesEnotty(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("plain"), "x");
        SystemRoot root = SystemRoot.at(dir);
        try (DrmFile f = JnrDrmNative.load(root).devices().open("/plain")) {
            DrmException e = assertThrows(DrmException.class, f::version);
            assertEquals(KnownIoctl.DRM_IOCTL_VERSION.name(), e.call());
            assertTrue(e.is(Errno.ENOTTY), e.getMessage());
            assertEquals("/plain", e.target());
        }
    }

    @Test
    void variadicIoctlPassesTheArgumentPointer() throws Exception {
        // A memfd rejects every ioctl with ENOTTY, which proves the call reached the kernel with
        // the request intact (a garbled request would still be ENOTTY, so also check fcntl below).
        try (MemFd m = drm.memfd("gemscope-test", 4096, 0)) {
            DrmException e = assertThrows(DrmException.class,
                    () -> Native.ioctl(m.fd(), KnownIoctl.DRM_IOCTL_GET_CAP, Native.allocate(16), "memfd"));
            assertTrue(e.is(Errno.ENOTTY), e.getMessage());
        }
    }

    @Test
    void variadicFcntlPassesItsThirdArgument() throws Exception {
        try (MemFd m = drm.memfd("gemscope-seals", 4096, LinuxUapi.MFD_ALLOW_SEALING)) {
            assertEquals(0, m.seals());
            m.addSeals(LinuxUapi.F_SEAL_SHRINK | LinuxUapi.F_SEAL_GROW);
            assertEquals(LinuxUapi.F_SEAL_SHRINK | LinuxUapi.F_SEAL_GROW, m.seals());
        }
    }

    @Test
    void sealingWithoutAllowSealingGivesEperm() throws Exception {
        try (MemFd m = drm.memfd("gemscope-noseal", 4096, 0)) {
            // memfd.c: a memfd created without MFD_ALLOW_SEALING starts with F_SEAL_SEAL set.
            assertEquals(LinuxUapi.F_SEAL_SEAL, m.seals());
            DrmException e = assertThrows(DrmException.class, () -> m.addSeals(LinuxUapi.F_SEAL_SHRINK));
            assertEquals("fcntl(F_ADD_SEALS)", e.call());
            assertTrue(e.is(Errno.EPERM), e.getMessage());
        }
    }

    @Test
    void closedDescriptorsAreRefusedBeforeTheKernelSeesThem() throws Exception {
        MemFd m = drm.memfd("gemscope-closed", 4096, 0);
        m.close();
        m.close();
        assertThrows(IllegalStateException.class, m::fd);
        assertThrows(IllegalStateException.class, m::seals);
    }

    @Test
    void syscallErrnoComesBack() {
        // pidfd_open of a pid that cannot exist (above PID_MAX_LIMIT, 4194304): ESRCH, or EINVAL
        // on kernels that validate the range first; ENOSYS before 5.3.
        DrmException e = assertThrows(DrmException.class, () -> Native.pidfdOpen(1L << 30));
        assertEquals("pidfd_open", e.call());
        assertTrue(e.is(Errno.ESRCH) || e.is(Errno.EINVAL), e.getMessage());
    }
}
