package dev.gemscope.backend.drm.live;

import static dev.gemscope.backend.drm.live.DumbFlinkLive.RW;
import static dev.gemscope.backend.drm.live.LiveKernel.DRM;
import static dev.gemscope.backend.drm.live.LiveKernel.VERSION;
import static dev.gemscope.backend.drm.live.LiveKernel.assertErrno;
import static dev.gemscope.backend.drm.live.LiveKernel.notAvailable;
import static dev.gemscope.backend.drm.live.LiveKernel.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DmaBufUapi;
import dev.gemscope.backend.drm.DmaHeaps;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.drm.Udmabuf;

/**
 * udmabuf and the system dma-heap (kernel-interfaces.md §5.7). Debian's 6.1 config has neither
 * (CONFIG_UDMABUF and CONFIG_DMABUF_HEAPS not set, live-kernel.md); 6.12 and later have both. The
 * test asserts exactly that per kernel, and records the absence.
 */
@Tag("live")
class AllocatorsLive extends LiveTestBase {

    private static final int SIZE = 2 * 4096;
    private static final boolean EXPECTED = VERSION.atLeast(6, 12);

    @Test
    void udmabufFromASealedMemfd() throws Exception {
        Udmabuf udmabuf = DRM.udmabuf();
        if (!EXPECTED) {
            assertFalse(udmabuf.available(), "Debian's " + VERSION + " has no CONFIG_UDMABUF");
            notAvailable("/dev/udmabuf");
            return;
        }
        assertTrue(udmabuf.available(), "/dev/udmabuf on " + VERSION);
        byte[] data = "through the memfd".getBytes(StandardCharsets.US_ASCII);
        try (MemFd memfd = DRM.memfd("gemscope-udmabuf", SIZE, LinuxUapi.MFD_ALLOW_SEALING)) {
            assertErrno(Errno.EINVAL, () -> udmabuf.create(memfd, 0, SIZE, DmaBufUapi.UDMABUF_FLAGS_CLOEXEC).close());
            memfd.addSeals(LinuxUapi.F_SEAL_SHRINK);
            assertErrno(Errno.EINVAL, () -> udmabuf.create(memfd, 0, 100, DmaBufUapi.UDMABUF_FLAGS_CLOEXEC).close());
            try (DmaBufFile buf = udmabuf.create(memfd, 0, SIZE, DmaBufUapi.UDMABUF_FLAGS_CLOEXEC);
                    Mapping viaMemfd = memfd.mmap(0, SIZE, RW);
                    Mapping viaBuf = buf.mmap(0, SIZE, RW);
                    DrmFile vgem = DRM.devices().open(LiveKernel.vgemRender())) {
                assertEquals(SIZE, buf.size());
                assertEquals("udmabuf", LiveKernel.dmaBufFdinfo(buf.fd()).exporter());
                viaMemfd.write(4096, data);
                assertArrayEquals(data, viaBuf.read(4096, data.length));
                int h = vgem.primeFdToHandle(buf);
                record("udmabuf " + SIZE + " bytes imported into vgem as handle " + h + "; bufinfo: "
                        + LiveKernel.bufinfoEntry(buf.fd()));
                assertEquals("udmabuf", LiveKernel.bufinfoEntry(buf.fd()).expName());
            }
        }
        try (MemFd writeSealed = DRM.memfd("gemscope-udmabuf-ws", SIZE, LinuxUapi.MFD_ALLOW_SEALING)) {
            writeSealed.addSeals(LinuxUapi.F_SEAL_SHRINK | LinuxUapi.F_SEAL_WRITE);
            assertErrno(Errno.EINVAL, () -> udmabuf.create(writeSealed, 0, SIZE, 0).close());
        }
    }

    @Test
    void systemHeapAllocation() throws Exception {
        DmaHeaps heaps = DRM.dmaHeaps();
        record("dma-heaps: " + heaps.list());
        if (!EXPECTED) {
            assertTrue(heaps.list().isEmpty(), "Debian's " + VERSION + " has no CONFIG_DMABUF_HEAPS");
            notAvailable("/dev/dma_heap/system");
            return;
        }
        assertTrue(heaps.list().contains("system"), "/dev/dma_heap/system on " + VERSION);
        byte[] data = "system heap".getBytes(StandardCharsets.US_ASCII);
        int flags = LinuxUapi.O_RDWR | LinuxUapi.O_CLOEXEC;
        try (DmaBufFile buf = heaps.alloc("system", SIZE, flags);
                Mapping a = buf.mmap(0, SIZE, RW);
                Mapping b = buf.mmap(0, SIZE, LinuxUapi.PROT_READ);
                DrmFile vgem = DRM.devices().open(LiveKernel.vgemRender())) {
            assertEquals(SIZE, buf.size());
            // 6.1+: a heap's buffers carry the heap name as exporter name.
            assertEquals("system", LiveKernel.dmaBufFdinfo(buf.fd()).exporter());
            a.write(0, data);
            assertArrayEquals(data, b.read(0, data.length));
            int h = vgem.primeFdToHandle(buf);
            record("system heap buffer imported into vgem as handle " + h);
        }
        assertErrno(Errno.EINVAL, () -> heaps.alloc("system", SIZE, flags | 04000).close());
        assertErrno(Errno.EINVAL, () -> heaps.alloc("system", 0, flags).close());
        assertErrno(Errno.ENOENT, () -> heaps.alloc("no-such-heap", SIZE, flags).close());
    }
}
