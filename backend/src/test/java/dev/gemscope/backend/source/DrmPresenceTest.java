package dev.gemscope.backend.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrmPresenceTest {

    @Test
    void onlyCardAndRenderNodesCount(@TempDir Path root) throws Exception {
        Path drm = Files.createDirectories(root.resolve("sys/class/drm"));
        Files.createDirectories(drm.resolve("card0-HDMI-A-1"));
        Files.writeString(drm.resolve("version"), "drm 1.1.0 20060810\n");
        assertFalse(DrmPresence.hasDrmDevice(SystemRoot.at(root)));
        Files.createDirectories(drm.resolve("renderD128"));
        assertTrue(DrmPresence.hasDrmDevice(SystemRoot.at(root)));
    }

    @Test
    void noDrmClassMeansNoDevice(@TempDir Path root) {
        assertFalse(DrmPresence.hasDrmDevice(SystemRoot.at(root)));
    }
}
