package dev.gemscope.app.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gemscope.backend.source.SystemRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aFileArgumentOpensThatFile() {
        SnapshotSource s = StartupOptions.initialSource(List.of("snap.json"), SystemRoot.at(dir), Optional.empty());
        assertEquals(SnapshotSource.file(Path.of("snap.json")), s);
    }

    @Test
    void rootCollectsFromACapturedTree() {
        assertEquals(SnapshotSource.tree(Path.of("t")),
                StartupOptions.initialSource(List.of("--root", "t"), SystemRoot.at(dir), Optional.empty()));
        assertEquals(SnapshotSource.tree(Path.of("t")),
                StartupOptions.initialSource(List.of("--root=t"), SystemRoot.at(dir), Optional.empty()));
    }

    @Test
    void withoutDrmNodesTheDemoCaptureOpens() throws IOException {
        Files.createDirectories(dir.resolve("sys/class/drm/version"));
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("resources/captures"));
        Files.writeString(home.resolve(StartupOptions.DEMO_CAPTURE), "{}");
        SnapshotSource s = StartupOptions.initialSource(List.of(), SystemRoot.at(dir), Optional.of(home));
        assertEquals(SnapshotSource.Kind.DEMO, s.kind());
        assertEquals(home.resolve(StartupOptions.DEMO_CAPTURE), s.path());
    }

    @Test
    void withoutTheRepositoryTheJarsDemoCopyIsUsed() {
        SnapshotSource s = StartupOptions.initialSource(List.of(), SystemRoot.at(dir), Optional.of(dir));
        assertEquals(SnapshotSource.Kind.DEMO, s.kind());
        assertNull(s.path());
    }

    @Test
    void aCardOrRenderNodeMeansLive() throws IOException {
        Files.createDirectories(dir.resolve("sys/class/drm/renderD128"));
        assertEquals(SnapshotSource.live(), StartupOptions.initialSource(List.of(), SystemRoot.at(dir), Optional.empty()));
    }
}
