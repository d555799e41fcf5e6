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
 * captured-live 6.1-compositor tree the rows say 688 and 691, threads of the workload's JVMs 685
 * and 686. With the thread's /proc status present (as on the live system, where /proc/TID is served
 * though not listed), those rows belong to scanned processes and are not reported as unseen.
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
    void withoutTheThreadsStatusTheRowsAreReportedAsUnseen() {
        Snapshot s = collect(FIXTURE);
        assertFalse(s.visibility().complete());
        assertTrue(s.visibility().issues().stream().anyMatch(i -> i.scope().startsWith("pid 688")), s.visibility().toString());
    }

    @Test
    void rowsNamingAThreadOfAScannedProcessAreNotUnseen(@TempDir Path tmp) throws Exception {
        copyTree(FIXTURE, tmp);
        for (String[] t : new String[][] {{"688", "685"}, {"691", "686"}}) {
            Path status = tmp.resolve("proc/" + t[0] + "/status");
            Files.createDirectories(status.getParent());
            Files.writeString(status, "Name:\tjava\nTgid:\t" + t[1] + "\nPid:\t" + t[0] + "\nPPid:\t1\nUid:\t0\t0\t0\t0\n");
        }
        Snapshot s = collect(tmp);
        assertEquals(java.util.List.of(), s.visibility().issues());
        assertTrue(s.visibility().complete());
        assertEquals(3, s.clients().size());
    }
}
