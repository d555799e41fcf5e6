package dev.gemscope.backend.drm.live;

import static dev.gemscope.backend.drm.live.LiveKernel.DRM;
import static dev.gemscope.backend.drm.live.LiveKernel.VERSION;
import static dev.gemscope.backend.drm.live.LiveKernel.assertErrno;
import static dev.gemscope.backend.drm.live.LiveKernel.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DmaBufUapi;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNode;
import dev.gemscope.backend.drm.DrmUapi;
import dev.gemscope.backend.drm.DumbBuffer;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.MemFd;

/**
 * {@code gemscope watch} as a separate process, the way a user runs it: this JVM makes a known list
 * of failing DRM and dma-buf calls (and some that succeed), then stops the watch with SIGTERM (the
 * Ctrl-C path: the shutdown hook drains and removes the tracefs instance), and checks that every
 * failure was reported exactly once with the right device, request and errno, that nothing else was
 * reported for this process, and that tracefs is as it was before.
 */
@Tag("live")
class WatchLive extends LiveTestBase {

    private static final Path TRACING = Path.of("/sys/kernel/tracing");
    private static final long READY_SECONDS = 300;
    private static final long STOP_SECONDS = 240;

    @Test
    void everyFailedCallIsReportedOnceAndTracefsIsLeftAsFound() throws Exception {
        // Identify the nodes now: identification issues ioctls, which must not happen while watched.
        DrmNode vgemCard = LiveKernel.vgemCard();
        DrmNode vgemRender = LiveKernel.vgemRender();
        DrmNode virtioRender = LiveKernel.virtioRender();
        // Someone else's instance, with an event and a filter of its own: the watch must not touch it.
        Path neighbour = TRACING.resolve("instances/watchlive-neighbour");
        Files.createDirectory(neighbour);
        try {
            Files.writeString(neighbour.resolve("events/syscalls/sys_exit_ioctl/filter"), "ret < -1000");
            Files.writeString(neighbour.resolve("events/syscalls/sys_exit_ioctl/enable"), "1");
            watchAndCheck(vgemCard, vgemRender, virtioRender);
        } finally {
            Files.writeString(neighbour.resolve("events/syscalls/sys_exit_ioctl/enable"), "0");
            Files.delete(neighbour);
        }
    }

    private void watchAndCheck(DrmNode vgemCard, DrmNode vgemRender, DrmNode virtioRender) throws Exception {
        Map<String, String> tracefsBefore = tracefsState();
        long self = ProcessHandle.current().pid();
        // The watch's files go to the guest's tmpfs: reading a 9p file while another process appends to
        // it failed with ENODATA on 7.2. The raw stream is copied to the shared target/ afterwards.
        Path work = Files.createTempDirectory("watchlive");
        Path raw = work.resolve("trace_pipe.txt");
        Path outFile = work.resolve("watch.out");
        Path errFile = work.resolve("watch.err");
        Path keep = Path.of("backend/target/live/watch-trace-" + VERSION + ".txt").toAbsolutePath();
        long t0 = System.nanoTime();
        Process watch = new ProcessBuilder(javaBinary(), "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                "dev.gemscope.backend.cli.Main", "watch", "--json", "--pid", Long.toString(self), "--raw-log", raw.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile())
                .start();
        List<String> expected = new ArrayList<>();
        try {
            String readyLine = awaitLine(errFile, "gemscope watch: ready", watch);
            record(String.format("watch ready after %.1f s: %s", (System.nanoTime() - t0) / 1e9, readyLine));

            try (DrmFile card = DRM.devices().open(vgemCard);
                    DrmFile render = DRM.devices().open(vgemRender);
                    DrmFile virtio = DRM.devices().open(virtioRender);
                    MemFd notADmaBuf = DRM.memfd("gemscope-watch", 4096, 0)) {
                // Calls that succeed: none of them may be reported.
                card.version();
                DumbBuffer d = card.createDumb(64, 64, 32);
                try (DmaBufFile buf = card.primeHandleToFd(d.handle(), DrmUapi.DRM_CLOEXEC | DrmUapi.DRM_RDWR)) {
                    buf.sync(DmaBufUapi.DMA_BUF_SYNC_READ | DmaBufUapi.DMA_BUF_SYNC_START);
                    buf.sync(DmaBufUapi.DMA_BUF_SYNC_READ | DmaBufUapi.DMA_BUF_SYNC_END);
                    int imported = render.primeFdToHandle(buf);
                    render.gemClose(imported);

                    // The known failures, in order.
                    assertErrno(Errno.EACCES, () -> render.flink(d.handle()));
                    expected.add(vgemRender.parent() + " DRM_IOCTL_GEM_FLINK EACCES 13");
                    assertErrno(Errno.EINVAL, () -> render.gemClose(0x7fff_fff0));
                    expected.add(vgemRender.parent() + " DRM_IOCTL_GEM_CLOSE EINVAL 22");
                    assertErrno(Errno.EINVAL, () -> render.primeFdToHandle(notADmaBuf.fd()));
                    expected.add(vgemRender.parent() + " DRM_IOCTL_PRIME_FD_TO_HANDLE EINVAL 22");
                    assertErrno(Errno.ENODEV, () -> virtio.primeFdToHandle(buf));
                    expected.add(virtioRender.parent() + " DRM_IOCTL_PRIME_FD_TO_HANDLE ENODEV 19");
                    assertErrno(Errno.EINVAL, () -> buf.sync(0x8));
                    expected.add("null DMA_BUF_IOCTL_SYNC EINVAL 22");
                    // The watch looks fds up in /proc when it reads a failure, which under TCG is seconds
                    // after the call: keep them open until it has reported all of them.
                    awaitLines(outFile, expected.size(), watch);
                }
            }
        } finally {
            // SIGTERM: the same shutdown hook as Ctrl-C.
            watch.destroy();
            if (!watch.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                watch.destroyForcibly();
                fail("watch did not stop within " + STOP_SECONDS + " s of SIGTERM; stderr: " + Files.readString(errFile));
            }
        }
        List<String> out = Files.readAllLines(outFile);
        List<String> err = Files.readAllLines(errFile);
        Files.createDirectories(keep.getParent());
        Files.copy(raw, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        record("raw trace_pipe stream (" + Files.readAllLines(raw).size() + " lines) kept in " + keep);
        record(String.format("watch exited %d after %.1f s in all", watch.exitValue(), (System.nanoTime() - t0) / 1e9));
        err.forEach(l -> record("watch stderr: " + l));

        ObjectMapper json = new ObjectMapper();
        List<String> seen = new ArrayList<>();
        for (String line : out) {
            JsonNode f = json.readTree(line);
            record("watch: " + line);
            assertEquals(self, f.path("pid").asLong(), "only this process was asked for: " + line);
            assertEquals("tracefs", f.path("source").asText());
            String ref = f.path("objectRef").asText();
            assertTrue(ref.startsWith("fd ") && !ref.contains("closed") && !ref.contains("unknown"), "fd resolved: " + line);
            assertTrue(f.path("operation").asText().startsWith("DMA_BUF") ? ref.contains(": dma-buf ino:")
                    : ref.contains(": /dev/dri/"), line);
            if (f.path("errnoName").asText().equals("EACCES") || f.path("errnoName").asText().equals("ENODEV")) {
                // explanations.json: flink on a render node and virtio-gpu importing a foreign buffer.
                assertTrue(f.path("expectedByDesign").asBoolean(false), "by design: " + line);
            }
            seen.add((f.hasNonNull("deviceId") ? f.get("deviceId").asText() : "null") + " "
                    + f.path("operation").asText() + " " + f.path("errnoName").asText() + " " + f.path("errno").asInt());
        }
        assertEquals(expected, seen, "each failure exactly once, in order, and nothing else from pid " + self);
        assertTrue(err.stream().anyMatch(l -> l.contains(expected.size() + " failed ioctl(s)") && l.contains("removed")),
                "summary on stderr: " + err);
        assertEquals(tracefsBefore, tracefsState(), "tracefs instances and top-level events as before the watch");
        assertEquals("syscalls:sys_exit_ioctl", tracefsBefore.get("neighbour set_event").strip());
        record("tracefs as found: " + tracefsBefore.get("instances") + ", top set_event "
                + (tracefsBefore.get("set_event").isBlank() ? "empty" : tracefsBefore.get("set_event").strip()));
    }

    /** What a watch must leave as it found it: the instance list and the top instance's event settings. */
    private static Map<String, String> tracefsState() throws IOException {
        Map<String, String> s = new TreeMap<>();
        try (Stream<Path> l = Files.list(TRACING.resolve("instances"))) {
            s.put("instances", l.map(p -> p.getFileName().toString()).sorted().toList().toString());
        }
        Path neighbour = TRACING.resolve("instances/watchlive-neighbour");
        for (String f : List.of("set_event", "events/syscalls/sys_exit_ioctl/filter", "events/syscalls/sys_exit_ioctl/enable")) {
            s.put("neighbour " + f, Files.readString(neighbour.resolve(f)));
        }
        for (String f : List.of("set_event", "tracing_on", "current_tracer", "trace_clock", "buffer_size_kb",
                "events/syscalls/sys_enter_ioctl/enable", "events/syscalls/sys_enter_ioctl/filter",
                "events/syscalls/sys_exit_ioctl/enable", "events/syscalls/sys_exit_ioctl/filter")) {
            s.put(f, Files.readString(TRACING.resolve(f)));
        }
        return s;
    }

    /** Waits until the file has at least {@code count} lines. */
    private static void awaitLines(Path file, int count, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.readAllLines(file).size() >= count) {
                return;
            }
            Thread.sleep(200);
        }
        fail("watch reported " + Files.readAllLines(file).size() + " of " + count + " failures: " + Files.readAllLines(file));
    }

    /** Waits (not a fixed sleep) until the file has a line starting with {@code prefix}; fails if the process ends first. */
    private static String awaitLine(Path file, String prefix, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!p.isAlive()) {
                fail("watch exited with " + p.exitValue() + " before it was ready; stderr: " + Files.readString(file));
            }
            Thread.sleep(200);
        }
        return fail("watch did not get ready in " + READY_SECONDS + " s; stderr: " + Files.readString(file));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path: the JUnit console launcher loads our classes through a URLClassLoader. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = WatchLive.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(new File(url.getPath()).getPath());
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
