package dev.gemscope.backend.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The one entry to {@code /proc}, {@code /sys}, {@code /sys/kernel/debug} and {@code /dev}.
 *
 * <p>Every reader goes through this class, so the same code runs on the live system ({@link #live()})
 * and on a captured tree ({@link #at(Path)}) whose layout mirrors {@code /}. Paths are always given
 * as absolute kernel paths ({@code "/proc/1/maps"}) and are resolved under the root here.
 *
 * <p>Symbolic links under {@code /proc/PID/fd} are read with {@link #readLink}, never followed: in a
 * captured tree they dangle ({@code /dmabuf:name}, {@code /dev/dri/card0}), and on a live system
 * following them would open another process's file.
 */
public final class SystemRoot {

    /** Kernel text files we read are small; anything larger is cut here and reported as truncated. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    private final Path root;
    private final boolean live;

    private SystemRoot(Path root, boolean live) {
        this.root = Objects.requireNonNull(root);
        this.live = live;
    }

    /** The running system. */
    public static SystemRoot live() {
        return new SystemRoot(Path.of("/"), true);
    }

    /** A captured tree: {@code dir/proc}, {@code dir/sys}, … mirror the live paths. */
    public static SystemRoot at(Path dir) {
        return new SystemRoot(dir.toAbsolutePath().normalize(), false);
    }

    public boolean isLive() {
        return live;
    }

    /** Where this root lives on disk ({@code /} for the live system). */
    public Path location() {
        return root;
    }

    /** Resolves an absolute kernel path such as {@code /proc/1/maps} under this root. */
    public Path resolve(String kernelPath) {
        String relative = kernelPath.startsWith("/") ? kernelPath.substring(1) : kernelPath;
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("path escapes the system root: " + kernelPath);
        }
        return resolved;
    }

    /** Reads a whole text file, at most {@link #DEFAULT_MAX_BYTES}. */
    public ReadResult read(String kernelPath) {
        return read(kernelPath, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads a text file, at most {@code maxBytes}. Never throws for the usual procfs races: a file
     * that vanished is {@link ReadResult.Status#MISSING}, a permission error is
     * {@link ReadResult.Status#DENIED}.
     */
    public ReadResult read(String kernelPath, long maxBytes) {
        Path path = resolve(kernelPath);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
            boolean truncated = bytes.length == maxBytes && in.read() != -1;
            return ReadResult.ok(kernelPath, new String(bytes, StandardCharsets.UTF_8), truncated);
        } catch (IOException e) {
            return ReadResult.failure(kernelPath, e);
        }
    }

    /** Reads a symbolic link's target without following it; empty when it is not a link or is gone. */
    public ReadResult readLink(String kernelPath) {
        Path path = resolve(kernelPath);
        try {
            return ReadResult.ok(kernelPath, Files.readSymbolicLink(path).toString(), false);
        } catch (IOException | UnsupportedOperationException e) {
            return e instanceof IOException io ? ReadResult.failure(kernelPath, io)
                    : ReadResult.error(kernelPath, e.toString());
        }
    }

    /** Names in a directory, sorted; a missing or unreadable directory yields a failure result. */
    public Listing list(String kernelPath) {
        Path path = resolve(kernelPath);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return new Listing(kernelPath, List.of(), ReadResult.Status.MISSING, "no such file or directory");
        } catch (AccessDeniedException e) {
            return new Listing(kernelPath, List.of(), ReadResult.Status.DENIED, "permission denied");
        } catch (IOException e) {
            return new Listing(kernelPath, List.of(), ReadResult.Status.ERROR, e.toString());
        }
        Collections.sort(names);
        return new Listing(kernelPath, List.copyOf(names), ReadResult.Status.OK, "");
    }

    /**
     * The inode number of the file a {@code /proc/PID/fd/N} link refers to, from {@code stat()}.
     * This is the fallback for dma-buf identity on kernels whose fdinfo has no {@code ino:} line
     * (before 5.14), as libdmabufinfo does. stat() only looks at the file, it never opens it. A
     * captured tree has dangling links, so this is empty there.
     */
    public java.util.OptionalLong statInode(String kernelPath) {
        if (!live) {
            return java.util.OptionalLong.empty();
        }
        try {
            Object ino = Files.getAttribute(resolve(kernelPath), "unix:ino");
            return ino instanceof Long l ? java.util.OptionalLong.of(l) : java.util.OptionalLong.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** True if the path exists (links are not followed). */
    public boolean exists(String kernelPath) {
        return Files.exists(resolve(kernelPath), LinkOption.NOFOLLOW_LINKS);
    }

    /** True if the path is a directory (following links, as sysfs class entries are links). */
    public boolean isDirectory(String kernelPath) {
        return Files.isDirectory(resolve(kernelPath));
    }

    @Override
    public String toString() {
        return live ? "live system" : root.toString();
    }

    /** The sorted names in a directory and how reading it went. */
    public record Listing(String path, List<String> names, ReadResult.Status status, String detail) {
        public boolean ok() {
            return status == ReadResult.Status.OK;
        }
    }
}
