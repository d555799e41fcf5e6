package dev.gemscope.backend.cli;

import dev.gemscope.backend.collect.Collector;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.bundle.SnapshotFiles;
import dev.gemscope.backend.snapshot.SnapshotFormatException;
import dev.gemscope.backend.source.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command's snapshot comes from: the live system (default), a captured tree, or a file. */
final class InputOptions {

    @Option(names = "--root", paramLabel = "DIR",
            description = "Read a captured tree whose layout mirrors / (DIR/proc, DIR/sys, ...) instead of the live system.")
    Path root;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Read a snapshot file written by 'gemscope collect'.")
    Path snapshot;

    Snapshot load() {
        if (root != null && snapshot != null) {
            throw new InputException("--root and --snapshot cannot be used together");
        }
        if (snapshot != null) {
            return readSnapshot(snapshot);
        }
        return collect(root);
    }

    static Snapshot readSnapshot(Path file) {
        try {
            // A support bundle (zip) opens like a snapshot file.
            return SnapshotFiles.read(file);
        } catch (SnapshotFormatException e) {
            throw new InputException(e.getMessage());
        }
    }

    static Snapshot collect(Path root) {
        if (root == null) {
            return new Collector(SystemRoot.live()).collect();
        }
        checkRoot(root);
        return new Collector(SystemRoot.at(root)).collect();
    }

    static Snapshot collect(SystemRoot system) {
        return new Collector(system).collect();
    }

    /** Fails with a clear message unless {@code root} (when given) looks like a captured tree. */
    static void checkRoot(Path root) {
        if (root == null) {
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new InputException(root + ": not a directory (--root wants a tree that mirrors /)");
        }
        if (!Files.isDirectory(root.resolve("proc")) && !Files.isDirectory(root.resolve("sys"))) {
            throw new InputException(root + ": has neither proc/ nor sys/; is it a captured tree?");
        }
    }
}
