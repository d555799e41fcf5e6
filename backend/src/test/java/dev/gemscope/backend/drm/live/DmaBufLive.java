package dev.gemscope.backend.drm.live;

import static dev.gemscope.backend.drm.live.DumbFlinkLive.RW;
import static dev.gemscope.backend.drm.live.LiveKernel.DRM;
import static dev.gemscope.backend.drm.live.LiveKernel.assertErrno;
import static dev.gemscope.backend.drm.live.LiveKernel.record;
import static dev.gemscope.backend.drm.live.PrimeLive.EXPORT_FLAGS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DmaBufUapi;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DumbBuffer;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.drm.OpenFds;
import dev.gemscope.backend.drm.OwnedFile;

/** The dma-buf fd itself: name, mmap, lseek, SYNC, sync_file export, dup (§5.6, §7 rules 22–27, 33). */
@Tag("live")
class DmaBufLive extends LiveTestBase {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void nameShowsInTheFdLinkFdinfoAndBufinfo() throws Exception {
        try (DrmFile card = DRM.devices().open(LiveKernel.vgemCard());
                DrmFile render = DRM.devices().open(LiveKernel.vgemRender())) {
            DumbBuffer d = card.createDumb(64, 64, 32);
            try (DmaBufFile buf = card.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                render.primeFdToHandle(buf);
                // 6.1+ allows a name at any time (5.3–5.10 said EBUSY while attached).
                buf.setName("gemscope-live");
                assertEquals("/dmabuf:gemscope-live", OpenFds.target(buf.fd()));
                assertEquals(Optional.of("gemscope-live"), LiveKernel.dmaBufFdinfo(buf.fd()).name());
                assertEquals(Optional.of("gemscope-live"), LiveKernel.bufinfoEntry(buf.fd()).name());
                record("named dma-buf: " + OpenFds.target(buf.fd()));
                String longest = "n".repeat(DmaBufUapi.DMA_BUF_NAME_LEN - 1);
                buf.setName(longest);
                assertEquals(Optional.of(longest), LiveKernel.dmaBufFdinfo(buf.fd()).name());
                assertErrno(Errno.EINVAL, () -> buf.setName("n".repeat(DmaBufUapi.DMA_BUF_NAME_LEN)));
            }
        }
    }

    @Test
    void dataIsSharedBetweenTheDmaBufAndTheDrmMappings() throws Exception {
        try (DrmFile card = DRM.devices().open(LiveKernel.vgemCard())) {
            DumbBuffer d = card.createDumb(64, 64, 32);
            byte[] one = "written through the DRM fd".getBytes(StandardCharsets.US_ASCII);
            byte[] two = "written through the dma-buf".getBytes(StandardCharsets.US_ASCII);
            try (DmaBufFile buf = card.primeHandleToFd(d.handle(), EXPORT_FLAGS);
                    Mapping drmMap = card.mmap(card.mapDumb(d.handle()), d.size(), RW);
                    Mapping bufMap = buf.mmap(0, d.size(), RW)) {
                drmMap.write(0, one);
                buf.sync(DmaBufUapi.DMA_BUF_SYNC_START | DmaBufUapi.DMA_BUF_SYNC_RW);
                assertArrayEquals(one, bufMap.read(0, one.length));
                bufMap.write(4096, two);
                buf.sync(DmaBufUapi.DMA_BUF_SYNC_END | DmaBufUapi.DMA_BUF_SYNC_RW);
                assertArrayEquals(two, drmMap.read(4096, two.length));
                // Rule 23: a mapping longer than the buffer is refused.
                assertErrno(Errno.EINVAL, () -> buf.mmap(0, d.size() + 4096, RW).close());
            }
        }
    }

    @Test
    void lseekGivesTheSizeAndSyncRejectsBadFlags() throws Exception {
        try (DrmFile card = DRM.devices().open(LiveKernel.vgemCard())) {
            DumbBuffer d = card.createDumb(128, 64, 32);
            try (DmaBufFile buf = card.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                assertEquals(d.size(), buf.size(), "rule 27");
                // Rule 26: no direction, undefined bits, all bits.
                assertErrno(Errno.EINVAL, () -> buf.sync(0));
                assertErrno(Errno.EINVAL, () -> buf.sync(DmaBufUapi.DMA_BUF_SYNC_VALID_FLAGS_MASK + 1));
                assertErrno(Errno.EINVAL, () -> buf.sync(-1L));
                buf.sync(DmaBufUapi.DMA_BUF_SYNC_START | DmaBufUapi.DMA_BUF_SYNC_READ);
                buf.sync(DmaBufUapi.DMA_BUF_SYNC_END | DmaBufUapi.DMA_BUF_SYNC_READ);
            }
        }
    }

    @Test
    void exportSyncFileAndDup() throws Exception {
        try (DrmFile card = DRM.devices().open(LiveKernel.vgemCard())) {
            DumbBuffer d = card.createDumb(64, 64, 32);
            try (DmaBufFile buf = card.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                // EXPORT_SYNC_FILE is ≈6.0+, so present on every bench kernel.
                try (OwnedFile sync = buf.exportSyncFile((int) DmaBufUapi.DMA_BUF_SYNC_RW)) {
                    assertEquals("anon_inode:sync_file", OpenFds.target(sync.fd()));
                }
                assertErrno(Errno.EINVAL, () -> buf.exportSyncFile(0).close());
                try (DmaBufFile copy = buf.dup()) {
                    assertTrue(DRM.sameFile(SELF, buf.fd(), SELF, copy.fd()));
                    buf.close();
                    // Rule 6: the duplicate keeps the buffer and imports still work through it.
                    assertEquals(d.handle(), card.primeFdToHandle(copy));
                    assertEquals(d.size(), copy.size());
                }
            }
        }
    }
}
