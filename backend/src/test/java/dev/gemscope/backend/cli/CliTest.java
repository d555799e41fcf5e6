package dev.gemscope.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on a small captured tree: output, formats and exit codes. */
class CliTest {

    @TempDir
    Path dir;
    Path root;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void tree() throws Exception {
        root = dir.resolve("root");
        write("proc/sys/kernel/osrelease", "6.1.0-25-amd64\n");
        write("proc/sys/kernel/hostname", "box\n");
        write("sys/kernel/debug/dma_buf/bufinfo", """

                Dma-buf Objects:
                size    \tflags   \tmode    \tcount   \texp_name\tino     \tname
                00004096\t00000002\t00080007\t00000001\tudmabuf\t00000007\tcam, "front"

                Total 1 objects, 4096 bytes
                """);
        write("proc/42/comm", "gst-launch-1.0\n");
        write("proc/42/status", "Name:\tgst-launch-1.0\nUid:\t0\t0\t0\t0\n");
        write("proc/42/fdinfo/5", "pos:\t0\nflags:\t02000002\nmnt_id:\t15\nino:\t7\nsize:\t4096\ncount:\t1\nexp_name:\tudmabuf\nname:\tcam, \"front\"\n");
        write("proc/42/maps", "");
        Files.createDirectories(root.resolve("proc/42/fd"));
        Files.createSymbolicLink(root.resolve("proc/42/fd/5"), Path.of("/dmabuf:cam, \"front\""));
    }

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void lsPrintsAlignedColumnsWithHeader() {
        Run r = run("ls", "dmabufs", "--root", root.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("INO SIZE EXPORTER"), lines.get(0));
        assertTrue(lines.get(1).matches("\\s*7 4096 udmabuf\\s+1\\s+0 ino:7\\s+cam, \"front\""), lines.get(1));
        assertTrue(r.err().contains("visibility:"), "the visibility report ends every output");
    }

    @Test
    void csvQuotesCellsWithCommasAndQuotes() {
        Run r = run("ls", "dmabufs", "--root", root.toString(), "--csv");
        assertEquals("INO,SIZE,EXPORTER,COUNT,FENCES,KEY,NAME", r.out().lines().findFirst().orElseThrow());
        assertTrue(r.out().contains(",\"cam, \"\"front\"\"\""), r.out());
    }

    @Test
    void jsonListsTheRows() {
        Run r = run("ls", "holders", "--root", root.toString(), "--json");
        assertTrue(r.out().strip().startsWith("[") && r.out().contains("\"dmaBufKey\" : \"ino:7\""), r.out());
    }

    @Test
    void collectWritesASnapshotThatReadsBack() throws Exception {
        Path out = dir.resolve("snap.json");
        Run r = run("collect", "--root", root.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        Snapshot s = new SnapshotCodec().read(out);
        assertEquals("6.1.0-25-amd64", s.kernelRelease());
        Run ls = run("ls", "dmabufs", "--snapshot", out.toString());
        assertTrue(ls.out().contains("udmabuf"), ls.out());
    }

    @Test
    void strictReturnsOneOnPartialVisibility() {
        // No debugfs dri directory and no sysfs: visibility is partial.
        assertEquals(1, run("ls", "devices", "--root", root.toString(), "--strict").code());
        assertEquals(0, run("ls", "devices", "--root", root.toString()).code());
    }

    @Test
    void badUsageAndUnreadableInputExitWithTwoAndOneLine() throws Exception {
        Run unknownView = run("ls", "gizmos", "--root", root.toString());
        assertEquals(2, unknownView.code());
        assertTrue(unknownView.err().contains("unknown list 'gizmos'"), unknownView.err());

        Run missing = run("show", dir.resolve("nope.json").toString());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "{\"format\":\"something\"}");
        Run bad = run("graph", "--snapshot", garbage.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("not a gemscope snapshot"), bad.err());

        Run notATree = run("collect", "--root", dir.resolve("nothing").toString());
        assertEquals(2, notATree.code());
        Run both = run("ls", "holders", "--root", root.toString(), "--snapshot", garbage.toString());
        assertEquals(2, both.code());
    }

    @Test
    void graphIsValidDot() throws Exception {
        Run r = run("graph", "--root", root.toString(), "--format", "dot");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("digraph gemscope {") && r.out().strip().endsWith("}"), r.out());
        assertTrue(r.out().contains("\"proc:42\" -> \"buf:ino:7\""), r.out());
        assertDotAccepts(r.out());
    }

    /** Graphviz itself judges the DOT; CI installs it, so it is required there. */
    static void assertDotAccepts(String dot) throws Exception {
        boolean haveDot = Files.isExecutable(Path.of("/usr/bin/dot"));
        if (!haveDot) {
            assertTrue(System.getenv("CI") == null, "CI must install graphviz so DOT output is validated");
            return;
        }
        Process p = new ProcessBuilder("/usr/bin/dot", "-Tsvg", "-o", "/dev/null").redirectErrorStream(true).start();
        p.getOutputStream().write(dot.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String msg = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "dot rejected the graph: " + msg);
    }

    @Test
    void showSummarisesAFile() throws Exception {
        Path out = dir.resolve("snap.json");
        run("collect", "--root", root.toString(), "-o", out.toString());
        Run r = run("show", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dma-bufs     1, 4 KiB (each buffer counted once)"), r.out());
        assertTrue(r.out().contains("visibility: PARTIAL"), r.out());
    }

    @Test
    void badUsageNamesTheSubcommandsHelp() {
        Run r = run("ls", "--no-such-option");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Try 'gemscope ls --help'."), r.err());
    }

    @Test
    void thePackagedLauncherNameIsUsedInUsageAndErrors() {
        System.setProperty(Main.COMMAND_PROPERTY, "gemscope-cli");
        try {
            Run usage = run("--help");
            assertTrue(usage.out().startsWith("Usage: gemscope-cli "), usage.out());
            Run bad = run("ls", "--no-such-option");
            assertTrue(bad.err().contains("Try 'gemscope-cli ls --help'."), bad.err());
        } finally {
            System.clearProperty(Main.COMMAND_PROPERTY);
        }
    }

    @Test
    void theSelfCheckIsHiddenFromUsage() {
        Run usage = run("--help");
        assertEquals(0, usage.code());
        assertTrue(usage.out().contains("collect"), usage.out());
        assertFalse(usage.out().contains("self-check"), usage.out());
    }
}
