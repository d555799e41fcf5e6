package dev.gemscope.backend.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The descriptors of this process of the kinds the probe opens (DRM nodes, dma-bufs, memfds,
 * udmabuf, heaps, sync_files), from {@code /proc/self/fd}. The JVM opens jars and pipes on its own,
 * so only these kinds are compared before and after the battery.
 */
final class FdCensus {

    private static final List<String> OURS = List.of("/memfd:", "/dmabuf:", "anon_inode:dmabuf", "/dev/dri/",
            "/dev/udmabuf", "/dev/dma_heap/", "anon_inode:sync_file");

    private FdCensus() {
    }

    /** The sorted link targets of our kinds of descriptor; empty if /proc/self/fd is unreadable. */
    static List<String> ours() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(p).toString();
                    if (OURS.stream().anyMatch(target::startsWith)) {
                        out.add(target);
                    }
                } catch (IOException e) {
                    // closed while listing (the directory stream's own descriptor, for one)
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        Collections.sort(out);
        return out;
    }
}
