package dev.gemscope.backend.drm.live;

import static dev.gemscope.backend.drm.live.LiveKernel.DRM;
import static dev.gemscope.backend.drm.live.LiveKernel.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DeepMode;
import dev.gemscope.backend.drm.DeepScan;
import dev.gemscope.backend.drm.DeepScanOptions;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNode;

/**
 * Deep mode against this process's own DRM files (a process may always pidfd_getfd itself): the
 * bench has no i915, and vgem and virtio_gpu have no read-only per-handle probe, so the scan must
 * say "not supported" — and must still duplicate and close cleanly, leaving our handles alone.
 */
@Tag("live")
class DeepModeLive extends LiveTestBase {

    @Test
    void nonI915DriversAreReportedAsUnsupported() throws Exception {
        DeepMode deep = DRM.deepMode(DeepMode.Consent.EXPLICITLY_REQUESTED);
        long self = ProcessHandle.current().pid();
        for (DrmNode node : List.of(LiveKernel.vgemCard(), LiveKernel.virtioCard())) {
            try (DrmFile f = DRM.devices().open(node)) {
                int handle = f.createDumb(64, 64, 32).handle();
                long buffersBefore = LiveKernel.bufinfoObjects();
                DeepScan scan = deep.scan(self, f.fd(), DeepScanOptions.defaults());
                record("deep mode on " + node.path() + ": " + scan.status() + " (" + scan.reason() + ")");
                assertEquals(DeepScan.Status.UNSUPPORTED_DRIVER, scan.status());
                assertEquals(f.version().name(), scan.driver());
                assertTrue(scan.handles().isEmpty());
                // Our handle is untouched: the scan neither closed nor exported it.
                assertEquals(0, f.mapDumb(handle) % 4096);
                assertEquals(buffersBefore, LiveKernel.bufinfoObjects(), "the scan exported nothing");
            }
        }
    }
}
