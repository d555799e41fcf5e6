package dev.gemscope.backend.drm.jnr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.drm.OpenFds;
import dev.gemscope.backend.source.SystemRoot;

/** mmap plumbing on a memfd: the same code path as a dma-buf or DRM fake-offset mapping. */
class MemFdMappingTest {

    private static final int PAGE = 4096;
    private static final int RW = LinuxUapi.PROT_READ | LinuxUapi.PROT_WRITE;

    private final DrmNative drm = JnrDrmNative.load(SystemRoot.live());

    @Test
    void dataWrittenThroughOneMappingIsSeenThroughAnother() throws Exception {
        byte[] hello = "hello from gemscope".getBytes(StandardCharsets.US_ASCII);
        try (MemFd m = drm.memfd("gemscope-map", 2L * PAGE, 0);
                Mapping a = m.mmap(0, 2L * PAGE, RW);
                Mapping b = m.mmap(PAGE, PAGE, LinuxUapi.PROT_READ)) {
            a.write(PAGE + 10, hello);
            assertArrayEquals(hello, b.read(10, hello.length));
            assertEquals(PAGE, b.length());
        }
    }

    @Test
    void accessIsBoundsChecked() throws Exception {
        try (MemFd m = drm.memfd("gemscope-bounds", PAGE, 0); Mapping a = m.mmap(0, PAGE, RW)) {
            assertThrows(IndexOutOfBoundsException.class, () -> a.read(PAGE - 1, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> a.read(-1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> a.write(0, new byte[4], 2, 4));
        }
    }

    @Test
    void unmappedMappingRefusesAccessAndClosesOnce() throws Exception {
        try (MemFd m = drm.memfd("gemscope-unmap", PAGE, 0)) {
            Mapping a = m.mmap(0, PAGE, RW);
            a.close();
            a.close();
            assertFalse(a.isOpen());
            assertThrows(IllegalStateException.class, () -> a.read(0, 1));
        }
    }

    @Test
    void mappingPastTheEndOfAMemfdFailsWhenTouchedNotWhenMapped() throws Exception {
        // mmap does not check the file size (SIGBUS comes on access), so the API cannot promise it;
        // this only pins down that an invalid offset is the kernel's EINVAL.
        try (MemFd m = drm.memfd("gemscope-badoff", PAGE, 0)) {
            DrmException e = assertThrows(DrmException.class, () -> m.mmap(1, PAGE, RW));
            assertEquals("mmap", e.call());
            assertTrue(e.is(Errno.EINVAL), e.getMessage());
        }
    }

    @Test
    void ownersCloseWhatTheyOpen() throws Exception {
        var before = OpenFds.targets();
        MemFd m = drm.memfd("gemscope-count", PAGE, 0);
        Mapping a = m.mmap(0, PAGE, RW);
        assertTrue(OpenFds.ours().containsKey(m.fd()));
        assertTrue(OpenFds.target(m.fd()).startsWith("/memfd:gemscope-count"));
        a.close();
        m.close();
        assertEquals(before, OpenFds.targets());
    }

    @Test
    void memfdIsCloseOnExec() throws Exception {
        try (MemFd m = drm.memfd("gemscope-cloexec", PAGE, 0)) {
            String flags = OpenFds.fdinfo(m.fd()).lines().filter(l -> l.startsWith("flags:")).findFirst().orElseThrow();
            long octal = Long.parseLong(flags.substring("flags:".length()).strip(), 8);
            assertEquals(LinuxUapi.O_CLOEXEC, octal & LinuxUapi.O_CLOEXEC, flags);
        }
    }
}
