package dev.gemscope.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collect --stream} in this JVM (lines and options) and as a real child process: it must end
 * by itself when its reader goes away (stdout closed, stdin closed) and on SIGTERM.
 */
class StreamCommandTest {

    static final String FIXTURE = Path.of(System.getProperty("gemscope.repo", ".."))
            .resolve("resources/fixtures/7.2-i915-vgem/root").toString();

    @TempDir
    Path dir;

    @Test
    void writesCountSnapshotsAsJsonLines() throws Exception {
        CliTest.Run r = CliTest.run("collect", "--stream", "--root", FIXTURE, "--count", "3", "--interval", "0.1",
                "--no-watch-stdin");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size());
        for (String line : lines) {
            Snapshot s = new SnapshotCodec().fromJson(line, "line");
            assertEquals(2, s.dmaBufs().size());
        }
    }

    @Test
    void badStreamOptionsAreUsageErrors() {
        assertUsage("--count needs --stream", "collect", "--root", FIXTURE, "--count", "2");
        assertUsage("between 0.1 and 3600", "collect", "--stream", "--root", FIXTURE, "--interval", "0.01");
        assertUsage("between 0.1 and 3600", "collect", "--stream", "--root", FIXTURE, "--interval", "99999999999999");
        assertUsage("cannot be combined with --output", "collect", "--stream", "--root", FIXTURE, "-o", "x.json");
        assertUsage("--redact needs --bundle", "collect", "--root", FIXTURE, "--redact");
        assertUsage("--count must be at least 1", "collect", "--stream", "--root", FIXTURE, "--count", "0");
    }

    private static void assertUsage(String message, String... args) {
        CliTest.Run r = CliTest.run(args);
        assertEquals(ExitCodes.USAGE, r.code(), r.out());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void showAndLsOpenABundleLikeASnapshot() throws Exception {
        Path zip = dir.resolve("b.zip");
        CliTest.Run made = CliTest.run("collect", "--root", FIXTURE, "--bundle", zip.toString(), "--redact");
        assertEquals(0, made.code(), made.err());
        assertTrue(made.err().contains("pseudonym mapping"), made.err());
        CliTest.Run ls = CliTest.run("ls", "processes", "--snapshot", zip.toString());
        assertEquals(0, ls.code(), ls.err());
        assertTrue(ls.out().contains("process-1"), ls.out());
        assertTrue(!ls.out().contains("prime-render"), ls.out());
        Files.writeString(dir.resolve("junk.zip"), "PK\3\4 not really");
        CliTest.Run bad = CliTest.run("show", dir.resolve("junk.zip").toString());
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("not a readable zip file"), bad.err());
    }

    // ---- as a child process -------------------------------------------------------------------

    private static Process startStream(String interval) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.gemscope.backend.cli.Main", "collect", "--stream", "--root", FIXTURE, "--interval", interval);
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    private static String firstLine(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertNotNull(line, () -> "no snapshot line; stderr: " + stderr(p));
        return line;
    }

    private static String stderr(Process p) {
        p.destroyForcibly();
        try {
            return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void childEndsCleanlyWhenItsStdoutIsClosed() throws Exception {
        Process p = startStream("0.2");
        try {
            firstLine(p);
            p.getInputStream().close();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running after its reader went away");
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void childEndsWhenItsStdinIsClosed() throws Exception {
        Process p = startStream("30");
        try {
            firstLine(p);
            p.getOutputStream().close();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running after stdin closed");
            assertEquals(0, p.exitValue());
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(err.contains("standard input closed"), err);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void childEndsOnSigtermWithOnlyWholeLines() throws Exception {
        Process p = startStream("0.1");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch two = new java.util.concurrent.CountDownLatch(2);
            Thread reader = new Thread(() -> {
                try {
                    for (String l = out.readLine(); l != null; l = out.readLine()) {
                        lines.add(l);
                        two.countDown();
                    }
                } catch (java.io.IOException e) {
                    // the JDK closes the pipe when the process is reaped; what was read is checked below
                }
            });
            reader.start();
            assertTrue(two.await(60, TimeUnit.SECONDS), "two snapshots before SIGTERM");
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running after SIGTERM");
            assertEquals(143, p.exitValue(), "128 + SIGTERM");
            reader.join(10_000);
            for (String l : lines) {
                new SnapshotCodec().fromJson(l, "line"); // throws on a cut line
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
