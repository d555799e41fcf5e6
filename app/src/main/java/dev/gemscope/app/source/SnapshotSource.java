package dev.gemscope.app.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the snapshot on screen comes from. Only {@link Kind#LIVE} and {@link Kind#TREE} can be
 * refreshed; a capture is a file someone wrote, never shown as if it were this machine.
 *
 * @param kind what it is
 * @param path the file (FILE, DEMO) or the captured tree's root (TREE); null for LIVE
 */
public record SnapshotSource(Kind kind, Path path) {

    /** The kinds of source. */
    public enum Kind {
        /** this machine, collected now */
        LIVE,
        /** a captured tree that mirrors / (re-read like a live system; for demos and tests) */
        TREE,
        /** a snapshot file */
        FILE,
        /** the bundled demo capture, opened because this machine has no DRM device */
        DEMO
    }

    public SnapshotSource {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.LIVE && kind != Kind.DEMO && path == null) {
            throw new IllegalArgumentException(kind + " needs a path");
        }
    }

    public static SnapshotSource live() {
        return new SnapshotSource(Kind.LIVE, null);
    }

    public static SnapshotSource file(Path file) {
        return new SnapshotSource(Kind.FILE, file);
    }

    public static SnapshotSource tree(Path root) {
        return new SnapshotSource(Kind.TREE, root);
    }

    /** The demo capture; {@code file} is null when the copy inside the jar is used. */
    public static SnapshotSource demo(Path file) {
        return new SnapshotSource(Kind.DEMO, file);
    }

    /** Collected rather than read from a file: can be refreshed. */
    public boolean isCollected() {
        return kind == Kind.LIVE || kind == Kind.TREE;
    }

    /** A short name for title bars and the source bar. */
    public String displayName() {
        return switch (kind) {
            case LIVE -> "this machine (live)";
            case TREE -> "captured tree " + path;
            case FILE -> String.valueOf(path.getFileName());
            case DEMO -> "demo capture" + (path == null ? "" : " " + path.getFileName());
        };
    }
}
