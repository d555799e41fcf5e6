package dev.gemscope.backend.drm.live;

import static dev.gemscope.backend.drm.live.LiveKernel.DRM;
import static dev.gemscope.backend.drm.live.LiveKernel.record;
import static dev.gemscope.backend.drm.live.PrimeLive.EXPORT_FLAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DumbBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The privilege split, live: the privileged collector (the real wrapper,
 * {@code packaging/bin/gemscope-collector}) runs as root; the reading side runs as nobody
 * ({@code setpriv --reuid=65534 --regid=65534 --clear-groups}) and reads its stream through a pipe,
 * as the GUI does. This JVM (root) holds a named dma-buf. The reader must see root-only data — this
 * root process's dma-buf fd and bufinfo (debugfs) — that the same nobody process, collecting by
 * itself in the same VM, does not see. The reader closes its end, and the collector must exit.
 */
@Tag("live")
class PrivilegeSplitLive extends LiveTestBase {

    private static final String NAME = "gemscope-root-only";
    private static final int NOBODY = 65534;
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final List<String> FAST_JVM = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData");

    @Test
    void nobodyReadsRootOnlyDataFromThePrivilegedCollectorButNotByItself() throws Exception {
        Path repo = repo();
        Path wrapper = repo.resolve("packaging/bin/gemscope-collector");
        assertTrue(Files.isExecutable(wrapper), wrapper + " is executable");
        assertTrue(Files.isDirectory(repo.resolve("backend/target/lib")), "build first: mvn -B package (the wrapper runs the jar)");
        Path cp = Files.createTempDirectory("gemscope-split-");
        String classPath = worldReadableClassPath(repo, cp);
        int self = (int) ProcessHandle.current().pid();

        try (DrmFile card = DRM.devices().open(LiveKernel.vgemCard())) {
            DumbBuffer d = card.createDumb(64, 64, 32);
            try (DmaBufFile buf = card.primeHandleToFd(d.handle(), EXPORT_FLAGS)) {
                buf.setName(NAME);

                // 1. root collector | nobody reader
                List<String> reader = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                        "--clear-groups", JAVA));
                reader.addAll(FAST_JVM);
                reader.addAll(List.of("-cp", classPath, StreamReaderMain.class.getName(), "2", String.valueOf(self), NAME));
                long start = System.nanoTime();
                List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                        new ProcessBuilder(wrapper.toString(), "--interval", "1")
                                .redirectError(ProcessBuilder.Redirect.INHERIT),
                        new ProcessBuilder(reader).redirectError(ProcessBuilder.Redirect.INHERIT)));
                Process collector = pipeline.get(0);
                Process nobody = pipeline.get(1);
                String seen;
                try {
                    seen = readAll(nobody.getInputStream());
                    assertTrue(nobody.waitFor(300, TimeUnit.SECONDS), "reader finished");
                    record("as nobody (" + (System.nanoTime() - start) / 1_000_000 + " ms), the privileged stream, then"
                            + " collecting alone: " + seen.strip().replace("\n", " | "));
                    // The reader left: its end of the pipe is closed, the collector must end by itself (EPIPE).
                    assertTrue(collector.waitFor(60, TimeUnit.SECONDS), "the privileged collector exits when its reader goes away");
                    record("privileged collector exited with " + collector.exitValue() + " after the reader left");
                    assertEquals(0, collector.exitValue());
                } finally {
                    collector.getOutputStream().close();
                    collector.destroyForcibly();
                    nobody.destroyForcibly();
                }
                List<String> lines = seen.lines().toList();
                assertEquals(3, lines.size(), seen);
                for (String line : lines.subList(0, 2)) {
                    assertTrue(line.startsWith("reader-uid=" + NOBODY + " "), "the reading side is nobody: " + line);
                    assertTrue(line.contains(" pid-dmabuf-holders=1 "), "the root process's dma-buf fd is visible: " + line);
                    assertTrue(line.contains(" named-buffer=true "), line);
                    assertTrue(line.contains(" bufinfo=OK "), "debugfs bufinfo was read (root-only): " + line);
                }

                // 2. The same nobody process, collecting by itself at the same moment, sees none of it.
                String alone = lines.get(2);
                assertTrue(alone.startsWith("alone: reader-uid=" + NOBODY + " "), alone);
                assertTrue(alone.contains(" pid-dmabuf-holders=0 "), "nobody alone cannot see root's fds: " + alone);
                assertTrue(alone.contains(" named-buffer=false "), alone);
                assertFalse(alone.contains(" bufinfo=OK "), "nobody alone cannot read debugfs: " + alone);
                assertTrue(alone.contains(" complete=false "), "and says so: " + alone);
                assertFalse(alone.contains(" denied=0"), "processes denied are counted: " + alone);
            }
        } finally {
            deleteTree(cp);
        }
    }

    /** The repository: two levels above backend/target/test-classes. */
    private static Path repo() throws Exception {
        Path testClasses = Path.of(PrivilegeSplitLive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return testClasses.getParent().getParent().getParent();
    }

    /**
     * Copies the class path (classes, test classes and the jars listed by run-live-tests.sh, some of
     * them under root's 0700 ~/.m2) to a world-readable directory, so nobody can run it.
     */
    private static String worldReadableClassPath(Path repo, Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(copy(repo.resolve("backend/target/classes"), dir.resolve("classes")));
        entries.add(copy(repo.resolve("backend/target/test-classes"), dir.resolve("test-classes")));
        Path listed = repo.resolve("backend/target/live/classpath.txt");
        for (String jar : Files.readString(listed).strip().split(":")) {
            Path src = Path.of(jar);
            if (src.getFileName().toString().endsWith(".jar")) {
                entries.add(copy(src, dir.resolve("lib").resolve(src.getFileName().toString())));
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(":", entries);
    }

    private static String copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        return to.toString();
    }

    private static String readAll(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
