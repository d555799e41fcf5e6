package dev.gemscope.backend.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A tracefs in memory: the control files a kernel has, every write recorded, and a trace_pipe that
 * replays recorded lines and then blocks like the real one until a trace_marker write arrives.
 */
final class FakeTraceFs implements TraceFs {

    final TreeMap<String, String> files = new TreeMap<>();
    final Set<String> dirs = new TreeSet<>();
    final List<String> writes = new ArrayList<>();
    final BlockingQueue<String> pipe = new LinkedBlockingQueue<>();
    /** Paths whose writes fail with this message (e.g. a filter the kernel rejects). */
    final TreeMap<String, String> failingWrites = new TreeMap<>();
    boolean pipeOpen;
    private static final String EOF = "\u0000EOF";

    /** A kernel with the syscall events (and, if asked, the 7.x dma_buf events). */
    FakeTraceFs(boolean dmaBufEvents) {
        dirs.add("instances");
        for (String e : List.of("events/syscalls/sys_enter_ioctl", "events/syscalls/sys_exit_ioctl")) {
            dirs.add(e);
        }
        if (dmaBufEvents) {
            dirs.add("events/dma_buf");
        }
        files.put("set_event", "");
    }

    @Override
    public String location() {
        return "/fake/tracing";
    }

    @Override
    public boolean exists(String path) {
        return dirs.contains(path) || files.containsKey(path);
    }

    @Override
    public List<String> list(String path) {
        return dirs.stream().filter(d -> d.startsWith(path + "/") && d.indexOf('/', path.length() + 1) < 0)
                .map(d -> d.substring(path.length() + 1)).toList();
    }

    @Override
    public String read(String path) throws IOException {
        String s = files.get(path);
        if (s == null) {
            throw new NoSuchFileException(path);
        }
        return s;
    }

    @Override
    public void write(String path, String text) throws IOException {
        if (!files.containsKey(path) && !isInstanceControl(path)) {
            throw new NoSuchFileException(path);
        }
        if (failingWrites.containsKey(path)) {
            throw new IOException(failingWrites.get(path));
        }
        writes.add(path + " <- " + text);
        files.put(path, text);
        if (path.endsWith("/trace_marker")) {
            pipe.add("            java-999     [000] .....   999.000000: tracing_mark_write: " + text);
        }
    }

    private boolean isInstanceControl(String path) {
        for (String d : dirs) {
            if (d.startsWith("instances/") && path.startsWith(d + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void mkdir(String path) throws IOException {
        if (!dirs.add(path)) {
            throw new FileAlreadyExistsException(path);
        }
        writes.add("mkdir " + path);
        // What the kernel creates in a new instance: a copy of the event tree and the control files.
        files.put(path + "/trace_clock", "[local] global counter uptime perf mono mono_raw boot");
        files.put(path + "/set_event", "");
    }

    @Override
    public void rmdir(String path) throws IOException {
        if (pipeOpen) {
            throw new IOException(path + ": Device or resource busy");
        }
        if (!dirs.remove(path)) {
            throw new NoSuchFileException(path);
        }
        files.keySet().removeIf(k -> k.startsWith(path + "/"));
        writes.add("rmdir " + path);
    }

    @Override
    public BufferedReader open(String path) throws IOException {
        if (!path.endsWith("/trace_pipe") || !dirs.contains(path.substring(0, path.length() - "/trace_pipe".length()))) {
            throw new NoSuchFileException(path);
        }
        pipeOpen = true;
        return new BufferedReader(new Reader() {
            private String current = "";
            private int at;

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (at >= current.length()) {
                    try {
                        String next = pipe.take();
                        if (next.equals(EOF)) {
                            pipe.add(EOF);
                            return -1;
                        }
                        current = next + "\n";
                        at = 0;
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                int n = Math.min(len, current.length() - at);
                current.getChars(at, at + n, buf, off);
                at += n;
                return n;
            }

            @Override
            public void close() {
                pipeOpen = false;
            }
        });
    }

    void feed(String... lines) {
        pipe.addAll(List.of(lines));
    }
}
