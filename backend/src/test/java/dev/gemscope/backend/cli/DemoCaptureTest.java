package dev.gemscope.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled demo capture that `gemscope show` opens on a machine without a DRM device. */
class DemoCaptureTest {

    static Path demo() {
        return Path.of(System.getProperty("gemscope.repo", "..")).resolve(ShowCommand.DEMO_CAPTURE);
    }

    @Test
    void demoCaptureReadsAndShowsSharing() throws Exception {
        Snapshot s = new SnapshotCodec().read(demo());
        assertFalse(s.dmaBufs().isEmpty());
        assertFalse(s.attachments().isEmpty());
        assertTrue(s.origin().startsWith("captured live"), "the demo says where it comes from: " + s.origin());
        assertTrue(s.kernelRelease().startsWith("6.12."), s.kernelRelease());
    }

    @Test
    void showOpensTheDemoWhenThereIsNoDrmDevice() {
        // This machine (and CI) has no DRM device: the documented first command must still show something.
        String old = System.getProperty("gemscope.home");
        System.setProperty("gemscope.home", System.getProperty("gemscope.repo", ".."));
        try {
            CliTest.Run r = CliTest.run("show");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("No DRM device on this machine: showing the bundled demo capture"), r.out());
            assertTrue(r.out().contains("attachments  1"), r.out());
        } finally {
            if (old == null) {
                System.clearProperty("gemscope.home");
            } else {
                System.setProperty("gemscope.home", old);
            }
        }
    }
}
