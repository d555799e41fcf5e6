package dev.gemscope.app.source;

import dev.gemscope.app.stream.StreamCommand;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the snapshot on screen comes from. Only {@link Kind#LIVE} and {@link Kind#TREE} can be
 * refreshed; a capture is a file someone wrote, never shown as if it were this machine.
 *
 * @param kind what it is
 * @param path the file (FILE, DEMO) or the captured tree's root (TREE); null for LIVE and STREAM
 * @param command what STREAM reads (pkexec collector, ssh, the VM, ...); null for the others
 */
public record SnapshotSource(Kind kind, Path path, StreamCommand command) {

    /** The kinds of source. */
    public enum Kind {
        /** this machine, collected now */
        LIVE,
        /** a captured tree that mirrors / (re-read like a live system; for demos and tests) */
        TREE,
        /** a snapshot file */
        FILE,
        /** the bundled demo capture, opened because this machine has no DRM device */
        DEMO,
        /** snapshots read from a command's output ({@code gemscope collect --stream}), live */
        STREAM
    }

    public SnapshotSource {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.LIVE && kind != Kind.DEMO && kind != Kind.STREAM && path == null) {
            throw new IllegalArgumentException(kind + " needs a path");
        }
        if ((kind == Kind.STREAM) != (command != null)) {
            throw new IllegalArgumentException(kind == Kind.STREAM ? "STREAM needs a command" : kind + " has no command");
        }
    }

    public SnapshotSource(Kind kind, Path path) {
        this(kind, path, null);
    }

    /** Snapshots from a command's output, e.g. the privileged collector. */
    public static SnapshotSource stream(StreamCommand command) {
        return new SnapshotSource(Kind.STREAM, null, command);
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

    /** Collected by this app rather than read: can be refreshed on demand. */
    public boolean isCollected() {
        return kind == Kind.LIVE || kind == Kind.TREE;
    }

    /** Changes by itself over time (collected, or streamed): memory history, baseline, fresh rows. */
    public boolean isLive() {
        return isCollected() || kind == Kind.STREAM;
    }

    /** A short name for title bars and the source bar. */
    public String displayName() {
        return switch (kind) {
            case LIVE -> "this machine (live)";
            case TREE -> "captured tree " + path;
            case FILE -> String.valueOf(path.getFileName());
            case DEMO -> "demo capture" + (path == null ? "" : " " + path.getFileName());
            case STREAM -> "stream from " + command.label();
        };
    }
}
