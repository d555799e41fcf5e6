package dev.gemscope.backend.drm.live;

import static dev.gemscope.backend.drm.live.LiveKernel.DRM;
import static dev.gemscope.backend.drm.live.LiveKernel.VERSION;
import static dev.gemscope.backend.drm.live.LiveKernel.assertErrno;
import static dev.gemscope.backend.drm.live.LiveKernel.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmUapi;
import dev.gemscope.backend.drm.DumbBuffer;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.parse.dmabuf.BufinfoBuffer;

/** PRIME export and import within and across vgem and virtio_gpu (kernel-interfaces.md §7). */
@Tag("live")
class PrimeLive extends LiveTestBase {

    static final int EXPORT_FLAGS = DrmUapi.DRM_CLOEXEC | DrmUapi.DRM_RDWR;
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void exportFlagsAndUnknownHandles() throws Exception {
        try (DrmFile card = DRM.devices().open(LiveKernel.vgemCard())) {
            DumbBuffer d = card.createDumb(64, 64, 32);
            // Rule 2: flags outside DRM_CLOEXEC|DRM_RDWR; rule 3: a handle that does not exist.
            assertErrno(Errno.EINVAL, () -> card.primeHandleToFd(d.handle(), DrmUapi.DRM_CLOEXEC | 0x1));
            assertErrno(Errno.ENOENT, () -> card.primeHandleToFd(0x7fff_fff0, DrmUapi.DRM_CLOEXEC));
            try (DmaBufFile buf = card.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                long fdFlags = LiveKernel.fdinfo(buf.fd()).header().flags().orElseThrow();
                assertEquals(LinuxUapi.O_RDWR, fdFlags & LinuxUapi.O_ACCMODE);
                assertEquals(LinuxUapi.O_CLOEXEC, fdFlags & LinuxUapi.O_CLOEXEC);
                BufinfoBuffer entry = LiveKernel.bufinfoEntry(buf.fd());
                record("vgem export in bufinfo: " + entry);
                // Generic drm_gem_prime_export() names every such buffer "drm" ("white lie for debug").
                assertEquals("drm", entry.expName());
                assertEquals(LinuxUapi.O_RDWR, entry.flags() & LinuxUapi.O_ACCMODE);
                assertEquals(d.size(), entry.size());
                assertEquals("drm", LiveKernel.dmaBufFdinfo(buf.fd()).exporter());
            }
        }
    }

    @Test
    void exportingAHandleTwiceGivesTheSameDmaBuf() throws Exception {
        try (DrmFile card = DRM.devices().open(LiveKernel.vgemCard())) {
            DumbBuffer d = card.createDumb(64, 64, 32);
            try (DmaBufFile a = card.primeHandleToFd(d.handle(), EXPORT_FLAGS);
                    DmaBufFile b = card.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                assertTrue(DRM.sameFile(SELF, a.fd(), SELF, b.fd()), "rule 4: kcmp KCMP_FILE == 0");
                LiveKernel.assertSameInode(a.fd(), b.fd());
            }
        }
    }

    @Test
    void selfImportAndDoubleImportReturnTheSameHandle() throws Exception {
        try (DrmFile card = DRM.devices().open(LiveKernel.vgemCard());
                DrmFile render = DRM.devices().open(LiveKernel.vgemRender())) {
            DumbBuffer d = card.createDumb(64, 64, 32);
            try (DmaBufFile buf = card.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                assertEquals(d.handle(), card.primeFdToHandle(buf), "rule 7: self-import");
                int h = render.primeFdToHandle(buf);
                assertEquals(h, render.primeFdToHandle(buf), "rule 8: importing twice into one file");
                record("vgem card handle " + d.handle() + " imported into " + LiveKernel.vgemRender().path()
                        + " as handle " + h);
                // Same device: the import is the same GEM object, so no attachment (rule 9).
                assertTrue(LiveKernel.bufinfoEntry(buf.fd()).attachments().isEmpty());
                // Re-exporting the import gives back the original dma-buf (rule 5).
                try (DmaBufFile again = render.primeHandleToFd(h, EXPORT_FLAGS)) {
                    LiveKernel.assertSameInode(buf.fd(), again.fd());
                }
            }
        }
    }

    /**
     * virtio_gpu imports only its own buffers: a foreign dma-buf goes to
     * {@code virtgpu_gem_prime_import_sg_table()}, which answers ENODEV on 6.1 and 6.12. Kernels
     * from ≈6.13 can import foreign buffers as guest blobs, but only when the device offers
     * RESOURCE_BLOB without virgl 3D; QEMU's plain {@code virtio-gpu-pci} has {@code blob=false},
     * so the bench's 7.x kernel refuses with ENODEV as well.
     */
    @Test
    void virtioGpuRefusesVgemBuffersWithEnodev() throws Exception {
        try (DrmFile vgem = DRM.devices().open(LiveKernel.vgemCard());
                DrmFile virtio = DRM.devices().open(LiveKernel.virtioRender())) {
            DumbBuffer d = vgem.createDumb(64, 64, 32);
            try (DmaBufFile buf = vgem.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                assertErrno(Errno.ENODEV, () -> virtio.primeFdToHandle(buf));
                record("virtio_gpu PRIME_FD_TO_HANDLE of a vgem buffer: ENODEV on " + VERSION);
            }
        }
    }

    @Test
    void vgemImportsVirtioGpuBuffersWithAnAttachment() throws Exception {
        try (DrmFile virtio = DRM.devices().open(LiveKernel.virtioCard());
                DrmFile vgem = DRM.devices().open(LiveKernel.vgemRender())) {
            DumbBuffer d = virtio.createDumb(64, 64, 32);
            try (DmaBufFile buf = virtio.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                int h = vgem.primeFdToHandle(buf);
                assertTrue(h > 0);
                assertEquals(h, vgem.primeFdToHandle(buf), "rule 8");
                BufinfoBuffer entry = LiveKernel.bufinfoEntry(buf.fd());
                record("virtio_gpu buffer imported by vgem, bufinfo: " + entry);
                assertEquals("virtio_gpu", entry.expName());
                assertEquals(1, entry.attachments().size(), "one importing GEM object, one attachment");
                assertEquals("vgem", entry.attachments().get(0));
                assertEquals(d.size(), buf.size());
                vgem.gemClose(h);
                // Rule 16: the last handle of the import goes, and with it the attachment.
                assertTrue(LiveKernel.bufinfoEntry(buf.fd()).attachments().isEmpty());
            }
        }
    }

    @Test
    void importingWhatIsNotADmaBuf() throws Exception {
        try (DrmFile vgem = DRM.devices().open(LiveKernel.vgemRender());
                MemFd m = DRM.memfd("gemscope-not-a-dmabuf", 4096, 0)) {
            // Rule 12: dma_buf_get() refuses a file that is not a dma-buf with EINVAL, a bad fd with EBADF.
            assertErrno(Errno.EINVAL, () -> vgem.primeFdToHandle(m.fd()));
            assertErrno(Errno.EBADF, () -> vgem.primeFdToHandle(999_999));
        }
    }
}
