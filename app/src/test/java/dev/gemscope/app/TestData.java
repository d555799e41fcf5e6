package dev.gemscope.app;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.nio.file.Path;

/** Paths to the repository's captures and fixtures, and snapshots read from them. */
public final class TestData {

    private TestData() {
    }

    public static Path repo() {
        String repo = System.getProperty("gemscope.repo");
        Path p = repo == null ? Path.of("..") : Path.of(repo);
        return p.toAbsolutePath().normalize();
    }

    public static Path demoCapture() {
        return repo().resolve("resources/captures/demo-snapshot.json");
    }

    public static Path fixtureSnapshot(String fixture) {
        return repo().resolve("resources/fixtures/" + fixture + "/expected-snapshot.json");
    }

    public static Path fixtureRoot(String fixture) {
        return repo().resolve("resources/fixtures/" + fixture + "/root");
    }

    public static Snapshot demo() {
        return read(demoCapture());
    }

    public static Snapshot read(Path file) {
        try {
            return new SnapshotCodec().read(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path screenshots() {
        String dir = System.getProperty("gemscope.screenshots");
        return dir == null ? Path.of("target/screenshots") : Path.of(dir);
    }
}
