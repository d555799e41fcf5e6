package dev.gemscope.backend.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small captured trees for tests: files from text blocks and /proc fd links as real symlinks. */
final class TreeBuilder {

    private final Path root;

    TreeBuilder(Path root) {
        this.root = root;
    }

    TreeBuilder file(String kernelPath, String text) {
        try {
            Path p = root.resolve(kernelPath.substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TreeBuilder link(String kernelPath, String target) {
        try {
            Path p = root.resolve(kernelPath.substring(1));
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TreeBuilder dir(String kernelPath) {
        try {
            Files.createDirectories(root.resolve(kernelPath.substring(1)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A process with comm and status (uid 1000). */
    TreeBuilder process(int pid, String comm) {
        file("/proc/" + pid + "/comm", comm + "\n");
        file("/proc/" + pid + "/status", "Name:\t" + comm + "\nTgid:\t" + pid + "\nPid:\t" + pid
                + "\nPPid:\t1\nUid:\t1000\t1000\t1000\t1000\n");
        file("/proc/" + pid + "/cmdline", comm + "\0--flag\0");
        return dir("/proc/" + pid + "/fd");
    }
}
