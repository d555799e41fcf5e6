package dev.gemscope.backend.drm.live;

import static dev.gemscope.backend.drm.live.LiveKernel.DRM;
import static dev.gemscope.backend.drm.live.LiveKernel.assertErrno;
import static dev.gemscope.backend.drm.live.LiveKernel.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNode;
import dev.gemscope.backend.drm.DrmUapi;
import dev.gemscope.backend.drm.DrmVersion;
import dev.gemscope.backend.drm.Errno;

/** Enumeration, DRM_IOCTL_VERSION, GET_CAP and GET_UNIQUE on vgem and virtio_gpu. */
@Tag("live")
class DrmDevicesLive extends LiveTestBase {

    @Test
    void listsCardAndRenderNodesOfBothDrivers() {
        List<DrmNode> nodes = DRM.devices().list();
        nodes.forEach(n -> record("node " + n));
        DrmNode vgem = LiveKernel.vgemRender();
        DrmNode virtio = LiveKernel.virtioRender();
        assertFalse(vgem.pci(), "vgem is a platform (6.x) or faux (7.x) device");
        // vgem's device: a platform device with no driver bound up to 6.12; a faux device bound to
        // "faux_driver" in 7.x (vgem moved to the faux bus somewhere in 6.15–6.19, not pinned).
        if (LiveKernel.VERSION.major() >= 7) {
            assertEquals("faux_driver", vgem.parentDriver());
        } else if (!LiveKernel.VERSION.atLeast(6, 13)) {
            assertEquals("", vgem.parentDriver(), "no driver is bound to vgem's platform device");
        }
        assertEquals("virtio-pci", virtio.parentDriver(), "virtio_gpu's parent is the virtio PCI function");
        assertEquals("vgem", vgem.parent());
        assertTrue(virtio.pci(), "virtio-gpu is a PCI function");
        assertTrue(virtio.parent().matches("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]"), virtio.parent());
        assertEquals(virtio.parent(), LiveKernel.virtioCard().parent(), "card and render node share the parent");
        assertTrue(LiveKernel.vgemCard().isPrimary());
        assertTrue(vgem.isRender() && vgem.minor() >= 128);
    }

    @Test
    void versionNamesTheDriverOnEveryNode() throws Exception {
        for (DrmNode node : DRM.devices().list()) {
            try (DrmFile f = DRM.devices().open(node)) {
                DrmVersion v = f.version();
                record(node.path() + " DRM_IOCTL_VERSION: " + v);
                assertTrue(v.name().equals("vgem") || v.name().equals("virtio_gpu"), v.name());
                assertFalse(v.desc().isEmpty());
            }
        }
        try (DrmFile f = DRM.devices().open(LiveKernel.vgemRender())) {
            assertEquals("Virtual GEM provider", f.version().desc());
        }
    }

    /**
     * DRM_CAP_PRIME: up to ≈6.5 computed from the driver's prime hooks, which vgem (shmem helpers)
     * and virtio_gpu both set in 6.1; from ≈6.6 always IMPORT|EXPORT. So 3 on every bench kernel,
     * even though virtio_gpu then refuses foreign buffers (see PrimeLive). Every other capability
     * is answered only for KMS drivers ({@code drm_ioctl.c: drm_getcap()}: "Other caps only work
     * with KMS drivers"), so vgem, which has no DRIVER_MODESET, says EOPNOTSUPP even for
     * DUMB_BUFFER although it implements dumb buffers, and for an unknown capability; virtio_gpu
     * says 1 and EINVAL.
     */
    @Test
    void capabilities() throws Exception {
        try (DrmFile vgem = DRM.devices().open(LiveKernel.vgemRender());
                DrmFile virtio = DRM.devices().open(LiveKernel.virtioRender())) {
            for (DrmFile f : List.of(vgem, virtio)) {
                long prime = f.getCap(DrmUapi.DRM_CAP_PRIME);
                record(f.path() + " GET_CAP PRIME=" + prime);
                assertEquals(DrmUapi.DRM_PRIME_CAP_IMPORT | DrmUapi.DRM_PRIME_CAP_EXPORT, prime, f.path());
            }
            assertErrno(Errno.EOPNOTSUPP, () -> vgem.getCap(DrmUapi.DRM_CAP_DUMB_BUFFER));
            assertErrno(Errno.EOPNOTSUPP, () -> vgem.getCap(0xffff));
            assertEquals(1, virtio.getCap(DrmUapi.DRM_CAP_DUMB_BUFFER));
            assertErrno(Errno.EINVAL, () -> virtio.getCap(0xffff));
        }
    }

    @Test
    void uniqueOnCardNodesAndEaccesOnRenderNodes() throws Exception {
        for (DrmNode card : List.of(LiveKernel.vgemCard(), LiveKernel.virtioCard())) {
            try (DrmFile f = DRM.devices().open(card)) {
                record(card.path() + " GET_UNIQUE: '" + f.unique() + "'");
            }
        }
        try (DrmFile f = DRM.devices().open(LiveKernel.vgemRender())) {
            // GET_UNIQUE is not DRM_RENDER_ALLOW (drm_ioctl.c: drm_ioctl_permit()).
            assertErrno(Errno.EACCES, f::unique);
        }
    }

    @Test
    void driverSpecificIoctlsOnlyForTheirDriver() throws Exception {
        try (DrmFile vgem = DRM.devices().open(LiveKernel.vgemRender());
                DrmFile virtio = DRM.devices().open(LiveKernel.virtioRender())) {
            assertTrue(vgem.vgem().isPresent());
            assertTrue(vgem.i915().isEmpty());
            assertTrue(virtio.vgem().isEmpty());
            assertTrue(virtio.i915().isEmpty());
        }
    }
}
