package dev.gemscope.backend.drm.live;

import static dev.gemscope.backend.drm.live.LiveKernel.DRM;
import static dev.gemscope.backend.drm.live.LiveKernel.VERSION;
import static dev.gemscope.backend.drm.live.LiveKernel.assertErrno;
import static dev.gemscope.backend.drm.live.LiveKernel.record;
import static dev.gemscope.backend.drm.live.PrimeLive.EXPORT_FLAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DmaBufUapi;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DumbBuffer;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.OwnedFile;
import dev.gemscope.backend.drm.VgemFile;
import dev.gemscope.backend.drm.VgemUapi;
import dev.gemscope.backend.parse.dmabuf.BufinfoFence;

/**
 * vgem fences as seen through the dma-buf (kernel-interfaces.md §5.5, §7 rules 28–29). A vgem
 * fence signals itself after 10 s; on the emulated CPU the JVM may be slow, so each test measures
 * and, past that point, expects what the kernel then does (ready, and ETIMEDOUT from SIGNAL).
 */
@Tag("live")
class VgemFenceLive extends LiveTestBase {

    private static final int BOTH = LinuxUapi.POLLIN | LinuxUapi.POLLOUT;
    /** VGEM_FENCE_TIMEOUT in vgem_fence.c, with a margin for our own clock reads. */
    private static final long SELF_SIGNAL_NANOS = TimeUnit.MILLISECONDS.toNanos(9_500);

    @Test
    void writeFenceMakesTheBufferBusyUntilSignalled() throws Exception {
        try (DrmFile card = DRM.devices().open(LiveKernel.vgemCard())) {
            VgemFile vgem = card.vgem().orElseThrow();
            DumbBuffer d = card.createDumb(64, 64, 32);
            try (DmaBufFile buf = card.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                assertEquals(BOTH, buf.poll(BOTH, 0), "idle before any fence");
                long t0 = System.nanoTime();
                int fence = vgem.fenceAttach(d.handle(), VgemUapi.VGEM_FENCE_WRITE);
                int busy = buf.poll(BOTH, 0);
                List<BufinfoFence> fences = LiveKernel.bufinfoEntry(buf.fd()).fences();
                try (OwnedFile sync = buf.exportSyncFile((int) DmaBufUapi.DMA_BUF_SYNC_RW)) {
                    assertTrue(sync.fd() >= 0);
                }
                boolean timedOut = System.nanoTime() - t0 >= SELF_SIGNAL_NANOS;
                record("vgem fence " + fence + " attached; poll=" + busy + " bufinfo fences=" + fences
                        + (timedOut ? " (10 s passed: it may have signalled itself)" : ""));
                if (!timedOut) {
                    assertEquals(0, busy, "an unsignalled write fence blocks POLLIN and POLLOUT");
                    assertEquals(1, fences.size());
                    BufinfoFence f = fences.get(0);
                    assertEquals("write", f.usage());
                    assertEquals("vgem", f.driver());
                    assertEquals("unbound", f.timeline());
                    assertTrue(!f.signalled());
                    // 6.x prints "seq N" only; 7.x prints "ctx:seq" (dma_fence_describe rework).
                    assertEquals(VERSION.major() >= 7, f.context().isPresent(), "fence context printed on " + VERSION);
                }
                try {
                    vgem.fenceSignal(fence);
                } catch (DrmException e) {
                    assertTrue(timedOut && e.is(Errno.ETIMEDOUT), e.getMessage());
                }
                assertEquals(BOTH, buf.poll(BOTH, 0), "ready after SIGNAL");
                // The id is forgotten once signalled (idr_replace with NULL): ENOENT, not ETIMEDOUT.
                assertErrno(Errno.ENOENT, () -> vgem.fenceSignal(fence));
            }
        }
    }

    @Test
    void readFenceBlocksOnlyWritersAndConflictsWithAWriteFence() throws Exception {
        try (DrmFile card = DRM.devices().open(LiveKernel.vgemCard())) {
            VgemFile vgem = card.vgem().orElseThrow();
            DumbBuffer d = card.createDumb(64, 64, 32);
            try (DmaBufFile buf = card.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                long t0 = System.nanoTime();
                int fence = vgem.fenceAttach(d.handle(), 0);
                int ready = buf.poll(BOTH, 0);
                DrmException conflict = null;
                try {
                    vgem.fenceAttach(d.handle(), VgemUapi.VGEM_FENCE_WRITE);
                } catch (DrmException e) {
                    conflict = e;
                }
                boolean timedOut = System.nanoTime() - t0 >= SELF_SIGNAL_NANOS;
                record("vgem read fence: poll=" + ready + ", write attach: "
                        + (conflict == null ? "accepted" : conflict.errnoName()));
                if (!timedOut) {
                    // dma_buf_poll(): POLLIN waits for writers only, POLLOUT for every fence.
                    assertEquals(LinuxUapi.POLLIN, ready);
                    assertTrue(conflict != null && conflict.is(Errno.EBUSY), "a pending fence makes WRITE attach EBUSY");
                }
                try {
                    vgem.fenceSignal(fence);
                } catch (DrmException e) {
                    assertTrue(timedOut && e.is(Errno.ETIMEDOUT), e.getMessage());
                }
                assertErrno(Errno.ENOENT, () -> vgem.fenceSignal(0x7fff_fff0));
                assertErrno(Errno.ENOENT, () -> vgem.fenceAttach(0x7fff_fff0, 0));
                assertErrno(Errno.EINVAL, () -> vgem.fenceAttach(d.handle(), 0x80));
            }
        }
    }
}
