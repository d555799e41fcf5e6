package dev.gemscope.backend.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.explain.Explanations;
import dev.gemscope.backend.model.FailedOperation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatcherTest {

    private static final String INSTANCE = "instances/gemscope-7";

    /** fd targets by "tid/fd"; anything else: the thread is gone. */
    private static final Map<String, FdTarget> FDS = Map.of(
            "100/5", drm(100, "/dev/dri/renderD128", "vgem", "vgem", "renderD128"),
            "101/5", drm(100, "/dev/dri/renderD128", "vgem", "vgem", "renderD128"),
            "102/7", drm(102, "/dev/dri/card1", "0000:00:06.0", "virtio_gpu", "card1"),
            "103/9", new FdTarget(103, "app", FdTarget.Kind.DMA_BUF, "/dmabuf:", null, null, null, 12L, "drm", 16384L, null),
            "105/4", new FdTarget(105, "app", FdTarget.Kind.OTHER, "/dev/foo", null, null, null, null, null, null, null),
            "106/6", drm(106, "/dev/dri/renderD129", "0000:00:02.0", "i915", "renderD129"),
            "108/5", drm(108, "/dev/dri/card0", "vgem", "vgem", "card0"));

    private static FdTarget drm(int pid, String link, String id, String driver, String node) {
        return new FdTarget(pid, "app", FdTarget.Kind.DRM, link, id, driver, node, null, null, null, null);
    }

    private static final FdResolver RESOLVER = (tid, fd) -> {
        FdTarget t = FDS.get(tid + "/" + fd);
        return t != null ? t : FdTarget.unknown(null, null, "thread " + tid + " exited before its fd " + fd + " could be read");
    };

    private static String line(String task, int tid, String body) {
        return String.format("%16s-%-7d [000] .....    50.%06d: %s", task, tid, tid, body);
    }

    /** The recorded stream: one case per thread, as 6.12 prints it (bare hex). */
    private static final String[] LINES = {
        line("app", 100, "sys_ioctl(fd: 5, cmd: 40086409, arg: 7ffd0000)"),
        line("app", 100, "sys_ioctl -> 0xffffffffffffffea"),
        // A successful DRM call (its exit filtered out) then a failing tty call: not a DRM failure.
        line("app", 101, "sys_ioctl(fd: 5, cmd: c0406400, arg: 7ffd0100)"),
        line("app", 101, "sys_ioctl(fd: 1, cmd: 5401, arg: 7ffd0200)"),
        line("app", 101, "sys_ioctl -> 0xffffffffffffffe7"),
        line("app", 102, "sys_ioctl(fd: 7, cmd: c00c642e, arg: 7ffd0300)"),
        line("app", 102, "sys_ioctl -> 0xffffffffffffffed"),
        line("app", 103, "sys_ioctl(fd: 9, cmd: 40086200, arg: 7ffd0400)"),
        line("app", 103, "sys_ioctl -> 0xffffffffffffffea"),
        line("<...>", 104, "sys_ioctl(fd: 3, cmd: 40086409, arg: 7ffd0500)"),
        line("<...>", 104, "sys_ioctl -> 0xffffffffffffffea"),
        line("app", 105, "sys_ioctl(fd: 4, cmd: c0106441, arg: 7ffd0600)"),
        line("app", 105, "sys_ioctl -> 0xffffffffffffffea"),
        line("app", 106, "sys_ioctl(fd: 6, cmd: c0106441, arg: 7ffd0700)"),
        line("app", 106, "sys_ioctl -> 0xffffffffffffffea"),
        line("app", 107, "sys_ioctl(fd: 5, cmd: 40086409, arg: 7ffd0800)"),
        "CPU:0 [LOST 12 EVENTS]",
        line("app", 107, "sys_ioctl -> 0xffffffffffffffea"),
        line("app", 108, "sys_ioctl(fd: 5, cmd: c008640a, arg: 7ffd0900)"),
        line("app", 108, "sys_ioctl -> 0xfffffffffffffff3"),
        "garbage",
    };

    private static Watcher.Summary run(FakeTraceFs fs, Watcher.Options options, List<String> readyNotes) throws IOException {
        Watcher w = new Watcher(fs, "gemscope-7", RESOLVER, Explanations.builtIn(), "6.12.118+deb13-amd64", options);
        fs.feed(LINES);
        w.stop(); // before run: the stop marker goes in once tracing is set up, after the recorded lines
        List<FailedOperation> seen = new ArrayList<>();
        Watcher.Summary s = w.run(new Watcher.Listener() {
            @Override
            public void ready(String instance, List<String> notes) {
                assertEquals(INSTANCE, instance);
                assertTrue(fs.dirs.contains(INSTANCE), "ready only once the instance exists");
                readyNotes.addAll(notes);
            }

            @Override
            public void failure(FailedOperation f) {
                seen.add(f);
            }
        });
        assertEquals(seen, s.failures());
        return s;
    }

    @Test
    void reportsEachDrmAndDmaBufFailureOnceWithNameErrnoDeviceAndWhy() throws IOException {
        FakeTraceFs fs = new FakeTraceFs(false);
        Watcher.Summary s = run(fs, new Watcher.Options(null, false), new ArrayList<>());
        List<String> got = s.failures().stream()
                .map(f -> f.pid() + " " + f.deviceId() + " " + f.operation() + " " + f.errnoName() + " " + f.errno())
                .toList();
        assertEquals(List.of(
                "100 vgem DRM_IOCTL_GEM_CLOSE EINVAL 22",
                "102 0000:00:06.0 DRM_IOCTL_PRIME_FD_TO_HANDLE ENODEV 19",
                "103 null DMA_BUF_IOCTL_SYNC EINVAL 22",
                "null null DRM_IOCTL_GEM_CLOSE EINVAL 22",
                // vgem's FENCE_ATTACH number on an i915 device is i915's driver ioctl 0x01, not vgem's.
                "106 0000:00:02.0 0xc0106441 _IOWR('d', 0x41, 16) (DRM driver ioctl 0x01) EINVAL 22",
                "108 vgem DRM_IOCTL_GEM_FLINK EACCES 13"), got);

        FailedOperation virtio = s.failures().get(1);
        assertEquals("tracefs", virtio.source());
        assertEquals(Boolean.TRUE, virtio.expectedByDesign());
        assertTrue(virtio.explanation().contains("virtio-gpu"), virtio.explanation());
        assertEquals("fd 7: /dev/dri/card1 (virtio_gpu); arg 0x7ffd0300 not read", virtio.objectRef());
        assertEquals("fd 9: dma-buf ino:12 exp_name drm, 16384 bytes; arg 0x7ffd0400 not read", s.failures().get(2).objectRef());
        FailedOperation gone = s.failures().get(3);
        assertNull(gone.comm(), "the tracer lost the comm (<...>) and the process is gone");
        assertTrue(gone.objectRef().contains("thread 104 exited"), gone.objectRef());
        assertEquals(Boolean.TRUE, s.failures().get(5).expectedByDesign(), "FLINK on a render-only path is by design");

        assertEquals(12, s.lostEvents());
        assertEquals(1, s.orphanExits(), "thread 107's exit lost its enter to the overrun");
        assertEquals(1, s.otherDrivers());
        assertEquals(1, s.unparsedLines());
    }

    @Test
    void pidFilterKeepsOneProcess() throws IOException {
        Watcher.Summary s = run(new FakeTraceFs(false), new Watcher.Options(102, false), new ArrayList<>());
        assertEquals(1, s.failures().size());
        assertEquals("DRM_IOCTL_PRIME_FD_TO_HANDLE", s.failures().get(0).operation());
    }

    @Test
    void touchesOnlyItsOwnInstanceAndRemovesIt() throws IOException {
        FakeTraceFs fs = new FakeTraceFs(false);
        List<String> notes = new ArrayList<>();
        run(fs, new Watcher.Options(null, true), notes);
        assertEquals(List.of(
                "mkdir " + INSTANCE,
                INSTANCE + "/trace_clock <- mono",
                INSTANCE + "/buffer_size_kb <- 4096",
                INSTANCE + "/events/syscalls/sys_exit_ioctl/filter <- ret < 0",
                INSTANCE + "/events/syscalls/sys_exit_ioctl/enable <- 1",
                INSTANCE + "/events/syscalls/sys_enter_ioctl/enable <- 1",
                INSTANCE + "/trace_marker <- gemscope-watch-stop gemscope-7",
                INSTANCE + "/events/syscalls/sys_enter_ioctl/enable <- 0",
                INSTANCE + "/events/syscalls/sys_exit_ioctl/enable <- 0",
                "rmdir " + INSTANCE), fs.writes);
        assertFalse(fs.dirs.contains(INSTANCE));
        assertEquals(List.of("no dma_buf events on this kernel (they are 7.x only)"), notes);
    }

    @Test
    void dmaBufEventsAreEnabledWhereTheKernelHasThem() throws IOException {
        FakeTraceFs fs = new FakeTraceFs(true);
        run(fs, new Watcher.Options(null, true), new ArrayList<>());
        assertTrue(fs.writes.contains(INSTANCE + "/events/dma_buf/enable <- 1"));
        assertTrue(fs.writes.contains(INSTANCE + "/events/dma_buf/enable <- 0"));
    }

    @Test
    void aFailedSetupRemovesWhatItCreated() {
        FakeTraceFs fs = new FakeTraceFs(false);
        fs.failingWrites.put(INSTANCE + "/events/syscalls/sys_enter_ioctl/enable", "Invalid argument");
        Watcher w = new Watcher(fs, "gemscope-7", RESOLVER, Explanations.builtIn(), "6.12", new Watcher.Options(null, false));
        IOException e = assertThrows(IOException.class, () -> w.run(new Watcher.Listener() {
            @Override
            public void ready(String instance, List<String> notes) {
                throw new AssertionError("not ready");
            }

            @Override
            public void failure(FailedOperation f) {
            }
        }));
        assertTrue(e.getMessage().contains("cannot enable events/syscalls/sys_enter_ioctl"), e.getMessage());
        assertFalse(fs.dirs.contains(INSTANCE));
        assertEquals("rmdir " + INSTANCE, fs.writes.get(fs.writes.size() - 1));
        assertTrue(fs.writes.contains(INSTANCE + "/events/syscalls/sys_exit_ioctl/enable <- 0"));
    }

    @Test
    void aKernelWithoutSyscallEventsIsRefusedUpFront() {
        FakeTraceFs fs = new FakeTraceFs(false);
        fs.dirs.remove("events/syscalls/sys_enter_ioctl");
        Watcher w = new Watcher(fs, "gemscope-7", RESOLVER, Explanations.builtIn(), "6.12", new Watcher.Options(null, false));
        IOException e = assertThrows(IOException.class, () -> w.run(null));
        assertTrue(e.getMessage().contains("CONFIG_FTRACE_SYSCALLS"), e.getMessage());
        assertTrue(fs.writes.isEmpty());
    }
}
