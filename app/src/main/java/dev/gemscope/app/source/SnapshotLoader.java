package dev.gemscope.app.source;

import dev.gemscope.app.fx.Job;
import dev.gemscope.backend.bundle.SnapshotFiles;
import dev.gemscope.backend.collect.Collector;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.snapshot.SnapshotFormatException;
import dev.gemscope.backend.source.SystemRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Reads snapshot files and support bundles, and runs the collector. Blocking: call it from background jobs only. */
public class SnapshotLoader {

    /** The demo capture inside the app jar (copied from resources/captures at build time). */
    static final String BUNDLED_DEMO = "/dev/gemscope/app/demo/compositor-6.12.json";

    private final SnapshotCodec codec = new SnapshotCodec();

    public Snapshot load(SnapshotSource source, Job.Progress progress) throws IOException, SnapshotFormatException {
        progress.update(-1, -1, switch (source.kind()) {
            case LIVE -> "Collecting from this machine…";
            case TREE -> "Collecting from " + source.path() + "…";
            case FILE, DEMO -> "Reading " + source.displayName() + "…";
            case STREAM -> "Waiting for " + source.displayName() + "…";
        });
        return switch (source.kind()) {
            case LIVE -> new Collector(SystemRoot.live()).collect();
            case TREE -> new Collector(SystemRoot.at(source.path())).collect();
            case FILE -> SnapshotFiles.read(source.path());
            case STREAM -> throw new IOException("a stream is read as it arrives (SnapshotStream), not loaded");
            case DEMO -> source.path() != null ? codec.read(source.path()) : readBundledDemo();
        };
    }

    private Snapshot readBundledDemo() throws IOException, SnapshotFormatException {
        try (InputStream in = SnapshotLoader.class.getResourceAsStream(BUNDLED_DEMO)) {
            if (in == null) {
                throw new IOException("the demo capture is missing from this build (" + BUNDLED_DEMO + ")");
            }
            return codec.read(in, "compositor-6.12.json");
        }
    }

    public void save(Snapshot snapshot, Path file) throws IOException {
        codec.write(snapshot, file);
    }

    /** Reads a snapshot file or a support bundle (for compare). */
    public Snapshot read(Path file) throws SnapshotFormatException {
        return SnapshotFiles.read(file);
    }
}
