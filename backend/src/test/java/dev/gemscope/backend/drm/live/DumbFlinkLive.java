package dev.gemscope.backend.drm.live;

import static dev.gemscope.backend.drm.live.LiveKernel.DRM;
import static dev.gemscope.backend.drm.live.LiveKernel.assertErrno;
import static dev.gemscope.backend.drm.live.LiveKernel.record;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNode;
import dev.gemscope.backend.drm.DumbBuffer;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.GemObjectRef;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.Mapping;

/**
 * Dumb buffers through the DRM file, and flink/open (kernel-interfaces.md §7 rules 30–32). Both
 * need the card node: MODE_CREATE_DUMB is not DRM_RENDER_ALLOW, and FLINK/OPEN are DRM_AUTH. The
 * first opener of a card node becomes master and so is authenticated; every test closes its files,
 * so each test's card open is the first.
 */
@Tag("live")
class DumbFlinkLive extends LiveTestBase {

    static final int RW = LinuxUapi.PROT_READ | LinuxUapi.PROT_WRITE;

    @Test
    void dumbBufferIsMappedThroughTheDrmFile() throws Exception {
        for (DrmNode card : List.of(LiveKernel.vgemCard(), LiveKernel.virtioCard())) {
            try (DrmFile f = DRM.devices().open(card)) {
                // virtio_gpu only takes bpp 32 (virtgpu_gem.c: virtio_gpu_mode_dumb_create()).
                DumbBuffer d = f.createDumb(64, 64, 32);
                record(card.path() + " MODE_CREATE_DUMB: " + d);
                assertTrue(d.handle() > 0);
                assertTrue(d.pitch() >= 64 * 4, "pitch " + d.pitch());
                assertTrue(d.size() >= 64L * 64 * 4 && d.size() % 4096 == 0, "size " + d.size());
                long offset = f.mapDumb(d.handle());
                record(card.path() + String.format(" MODE_MAP_DUMB: fake offset 0x%x", offset));
                assertTrue(offset != 0 && offset % 4096 == 0);
                byte[] pattern = ("gemscope " + card.path()).getBytes(StandardCharsets.US_ASCII);
                try (Mapping a = f.mmap(offset, d.size(), RW); Mapping b = f.mmap(offset, d.size(), RW)) {
                    a.write(100, pattern);
                    assertArrayEquals(pattern, b.read(100, pattern.length));
                }
                f.destroyDumb(d.handle());
                // DESTROY_DUMB is GEM_CLOSE underneath (drm_dumb_buffers.c): an unknown handle is EINVAL.
                assertErrno(Errno.EINVAL, () -> f.destroyDumb(d.handle()));
            }
        }
    }

    @Test
    void flinkAndOpenOnTheCardNode() throws Exception {
        try (DrmFile f = DRM.devices().open(LiveKernel.vgemCard())) {
            DumbBuffer d = f.createDumb(64, 64, 32);
            int name = f.flink(d.handle());
            record("vgem GEM_FLINK handle " + d.handle() + " -> name " + name);
            assertTrue(name > 0);
            assertEquals(name, f.flink(d.handle()), "flinking twice gives the same name");
            GemObjectRef opened = f.gemOpen(name);
            assertNotEquals(d.handle(), opened.handle(), "GEM_OPEN creates a new handle");
            assertEquals(d.size(), opened.size());
            f.gemClose(opened.handle());
            f.gemClose(d.handle());
            assertErrno(Errno.ENOENT, () -> f.gemOpen(name));
            assertErrno(Errno.ENOENT, () -> f.flink(0x7fff_fff0));
            assertErrno(Errno.EINVAL, () -> f.gemClose(0x7fff_fff0));
        }
    }

    @Test
    void renderNodesRefuseFlinkOpenAndDumb() throws Exception {
        try (DrmFile f = DRM.devices().open(LiveKernel.vgemRender())) {
            // drm_ioctl_permit(): on a render node only DRM_RENDER_ALLOW ioctls pass; the check
            // comes before any handle lookup.
            assertErrno(Errno.EACCES, () -> f.flink(1));
            assertErrno(Errno.EACCES, () -> f.gemOpen(1));
            assertErrno(Errno.EACCES, () -> f.createDumb(64, 64, 32));
        }
    }
}
