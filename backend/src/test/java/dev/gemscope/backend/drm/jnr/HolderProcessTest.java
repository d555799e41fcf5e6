package dev.gemscope.backend.drm.jnr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.HolderProcess;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.source.SystemRoot;

/** Holder processes inherit exactly the descriptors given, and are gone once closed; no device needed. */
class HolderProcessTest {

    private final DrmNative drm = JnrDrmNative.load(SystemRoot.live());

    private static long ino(Path p) throws Exception {
        return ((Number) Files.getAttribute(p, "unix:ino")).longValue();
    }

    @Test
    void holderHoldsExactlyTheGivenDescriptorsInOrder() throws Exception {
        String sleep = Files.isExecutable(Path.of("/usr/bin/sleep")) ? "/usr/bin/sleep" : "/bin/sleep";
        try (MemFd a = drm.memfd("gemscope-holder-a", 4096, 0); MemFd b = drm.memfd("gemscope-holder-b", 4096, 0)) {
            HolderProcess h = drm.spawnHolder(List.of(b.fd(), a.fd()), List.of(sleep, "infinity"));
            Path proc = Path.of("/proc/" + h.pid());
            try {
                assertEquals(List.of(3, 4), h.fds());
                Set<String> fds = new TreeSet<>();
                // /proc/<pid>/fd appears only once exec has finished setting up the file table
                for (int i = 0; i < 100 && !Files.readString(proc.resolve("comm")).trim().equals("sleep"); i++) {
                    Thread.sleep(20);
                }
                try (var s = Files.list(proc.resolve("fd"))) {
                    s.forEach(p -> fds.add(p.getFileName().toString()));
                }
                assertEquals(Set.of("0", "1", "2", "3", "4"), fds, "nothing of the JVM is inherited");
                assertEquals(ino(Path.of("/proc/self/fd/" + b.fd())), ino(proc.resolve("fd/3")));
                assertEquals(ino(Path.of("/proc/self/fd/" + a.fd())), ino(proc.resolve("fd/4")));
                assertEquals("/dev/null", Files.readSymbolicLink(proc.resolve("fd/0")).toString());
            } finally {
                h.close();
            }
            assertFalse(Files.exists(proc), "killed and reaped");
            h.close();
            assertTrue(a.fd() >= 0, "our own descriptors stay open");
        }
    }
}
