package dev.gemscope.backend.drm.jnr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.drm.OpenFds;
import dev.gemscope.backend.drm.UnixListener;
import dev.gemscope.backend.drm.UnixSocket;
import dev.gemscope.backend.source.SystemRoot;

/** SCM_RIGHTS over a SOCK_SEQPACKET unix socket, with a memfd standing in for a dma-buf. */
class UnixSocketTest {

    private final DrmNative drm = JnrDrmNative.load(SystemRoot.live());

    @Test
    void aDescriptorCrossesTheSocketAndNamesTheSameFile(@TempDir Path dir) throws Exception {
        List<String> before = OpenFds.targets();
        byte[] hello = "through the socket".getBytes(StandardCharsets.US_ASCII);
        Path sock = dir.resolve("s");
        try (UnixListener l = drm.unixListen(sock);
                UnixSocket client = drm.unixConnect(sock);
                UnixSocket server = l.accept();
                MemFd m = drm.memfd("gemscope-scm", 4096, 0)) {
            try (Mapping w = m.mmap(0, 4096, LinuxUapi.PROT_READ | LinuxUapi.PROT_WRITE)) {
                w.write(0, hello);
            }
            client.sendFd(m.fd(), "tag-1".getBytes(StandardCharsets.US_ASCII));
            UnixSocket.Received r = server.receiveDmaBuf(64);
            try (var got = r.dmaBuf(); Mapping read = got.mmap(0, 4096, LinuxUapi.PROT_READ)) {
                assertEquals("tag-1", new String(r.message(), StandardCharsets.US_ASCII));
                assertNotEquals(m.fd(), got.fd());
                long self = ProcessHandle.current().pid();
                assertEquals(true, drm.sameFile(self, m.fd(), self, got.fd()));
                assertArrayEquals(hello, read.read(0, hello.length));
                assertEquals(4096, got.size());
            }
        }
        assertEquals(before, OpenFds.targets());
    }

    @Test
    void connectingToNothingIsEnoentOrEconnrefused(@TempDir Path dir) {
        DrmException e = assertThrows(DrmException.class, () -> drm.unixConnect(dir.resolve("none")));
        assertEquals(true, e.is(Errno.ENOENT) || e.is(Errno.ECONNREFUSED), e.getMessage());
        assertEquals(false, Files.exists(dir.resolve("none")));
    }
}
