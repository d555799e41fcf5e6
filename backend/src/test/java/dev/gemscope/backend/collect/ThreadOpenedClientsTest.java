package dev.gemscope.backend.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.source.SystemRoot;

/**
 * On 6.1 the debugfs {@code clients} pid column is the thread that opened the DRM file: in the
 * captured-live 6.1-compositor tree the rows say 603 and 605, threads of the workload's JVMs 600
 * and 601 (the capture keeps those threads' /proc status, as the live system serves /proc/TID though
 * it does not list it). With it, those rows belong to scanned processes; without it they are unseen.
 */
class ThreadOpenedClientsTest {

    private static final Path FIXTURE = FixtureTest.fixturesDir().resolve("6.1-compositor/root");

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.createDirectories(d.getParent());
                    Files.createSymbolicLink(d, Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static Snapshot collect(Path root) {
        return new Collector(SystemRoot.at(root), FixtureTest.FIXED).collect();
    }

    @Test
    void withoutTheThreadsStatusTheRowsAreReportedAsUnseen(@TempDir Path tmp) throws Exception {
        copyTree(FIXTURE, tmp);
        for (String tid : new String[] {"603", "605"}) {
            Files.delete(tmp.resolve("proc/" + tid + "/status"));
            Files.delete(tmp.resolve("proc/" + tid));
        }
        Snapshot s = collect(tmp);
        assertFalse(s.visibility().complete());
        assertTrue(s.visibility().issues().stream().anyMatch(i -> i.scope().startsWith("pid 603")), s.visibility().toString());
        assertTrue(s.visibility().issues().stream().anyMatch(i -> i.scope().startsWith("pid 605")), s.visibility().toString());
    }

    @Test
    void rowsNamingAThreadOfAScannedProcessAreNotUnseen() {
        Snapshot s = collect(FIXTURE);
        assertEquals(java.util.List.of(), s.visibility().issues());
        assertTrue(s.visibility().complete());
        assertEquals(3, s.clients().size());
        assertTrue(s.clients().stream().allMatch(c -> c.pid() == 600 || c.pid() == 601), s.clients().toString());
    }
}
