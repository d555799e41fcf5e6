package dev.gemscope.app.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.fx.Job;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotLoaderTest {

    private final SnapshotLoader loader = new SnapshotLoader();

    @Test
    void theJarCarriesTheDemoCapture() throws Exception {
        Snapshot bundled = loader.load(SnapshotSource.demo(null), Job.Progress.NONE);
        Snapshot file = loader.load(SnapshotSource.demo(TestData.liveDemoCapture()), Job.Progress.NONE);
        assertEquals(file, bundled);
    }

    @Test
    void aTreeIsCollected() throws Exception {
        Snapshot s = loader.load(SnapshotSource.tree(TestData.fixtureRoot("7.2-i915-vgem")), Job.Progress.NONE);
        assertEquals(2, s.dmaBufs().size());
        assertEquals("7.2.13-arch1-1", s.kernelRelease());
    }

    @Test
    void savedSnapshotsReadBackEqual(@TempDir Path dir) throws Exception {
        Snapshot demo = TestData.demo();
        Path file = dir.resolve("copy.json");
        loader.save(demo, file);
        assertEquals(demo, loader.read(file));
    }

    @Test
    void aMalformedFileFailsWithAOneLineReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"format\": \"something-else\"}");
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class,
                () -> loader.load(SnapshotSource.file(file), Job.Progress.NONE));
        assertTrue(e.getMessage().contains("not a gemscope snapshot"), e.getMessage());
    }
}
