package dev.gemscope.backend.drm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test helper: the descriptors of this process that the native layer could have opened, read from
 * {@code /proc/self/fd}. The JVM opens and closes jars, sockets and pipes on its own, so a raw count
 * is noisy; only the kinds this layer creates are compared (memfd, dma-buf, DRM node, udmabuf,
 * dma-heap, sync_file, pidfd).
 */
public final class OpenFds {

    private static final List<String> OURS = List.of("/memfd:", "/dmabuf:", "anon_inode:dmabuf", "/dev/dri/",
            "/dev/udmabuf", "/dev/dma_heap/", "anon_inode:sync_file", "anon_inode:[pidfd]", "pidfd:");

    private OpenFds() {
    }

    /** fd number → link target, for every descriptor of ours that is open now. */
    public static Map<Integer, String> ours() {
        Map<Integer, String> out = new TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) fds::iterator) {
                String target;
                try {
                    target = Files.readSymbolicLink(p).toString();
                } catch (IOException e) {
                    continue; // closed while listing (the directory stream's own fd, for one)
                }
                if (OURS.stream().anyMatch(target::startsWith)) {
                    out.put(Integer.parseInt(p.getFileName().toString()), target);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return out;
    }

    /** The targets only, sorted: equal lists mean nothing of ours leaked. */
    public static List<String> targets() {
        List<String> t = new ArrayList<>(ours().values());
        Collections.sort(t);
        return t;
    }

    /** The link target of one descriptor. */
    public static String target(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (IOException e) {
            throw new IllegalStateException("fd " + fd + " is not open", e);
        }
    }

    /** The text of {@code /proc/self/fdinfo/N}. */
    public static String fdinfo(int fd) {
        try {
            return Files.readString(Path.of("/proc/self/fdinfo/" + fd));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read fdinfo of fd " + fd, e);
        }
    }
}
