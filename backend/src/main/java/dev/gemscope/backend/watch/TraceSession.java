package dev.gemscope.backend.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One tracefs instance of our own ({@code instances/gemscope-PID}): its own ring buffer, events and
 * filters, so the top-level buffer and anyone else's settings stay untouched. Removing the directory
 * removes everything we set; {@link #close()} does that and is safe to call twice.
 *
 * <p>Set up: {@code trace_clock mono} (the instance's own clock, so timestamps map to wall time through
 * {@code CLOCK_MONOTONIC}), {@code syscalls/sys_exit_ioctl} with filter {@code ret < 0},
 * {@code syscalls/sys_enter_ioctl} without a filter (see {@link IoctlPairing} for why), and, when
 * asked and present (7.x), the {@code dma_buf} events.
 */
public final class TraceSession implements AutoCloseable {

    static final String ENTER = "events/syscalls/sys_enter_ioctl";
    static final String EXIT = "events/syscalls/sys_exit_ioctl";
    static final String DMA_BUF = "events/dma_buf";
    /** Per-CPU ring buffer size for the instance; enough for bursts while the reader is scheduled out. */
    static final int BUFFER_KB = 4096;

    private final TraceFs fs;
    private final String dir;
    private final String stopMarker;
    private final List<String> enabled = new ArrayList<>();
    private boolean created;
    private boolean closed;

    public TraceSession(TraceFs fs, String name) {
        this.fs = fs;
        this.dir = "instances/" + name;
        this.stopMarker = "gemscope-watch-stop " + name;
    }

    /** Instance path relative to the tracefs mount. */
    public String dir() {
        return dir;
    }

    /** The text {@link #requestStop()} writes to the instance's {@code trace_marker}. */
    public String stopMarker() {
        return stopMarker;
    }

    /**
     * Creates the instance and enables the events. On failure everything done so far is undone and
     * the exception says which step failed.
     *
     * @return what could not be set up but is optional (e.g. no dma_buf events on this kernel)
     */
    public List<String> start(boolean bufferEvents) throws IOException {
        List<String> notes = new ArrayList<>();
        if (!fs.exists(ENTER) || !fs.exists(EXIT)) {
            throw new IOException("this kernel has no syscalls/sys_enter_ioctl event in " + fs.location()
                    + " (needs CONFIG_FTRACE_SYSCALLS=y)");
        }
        if (fs.exists(dir)) {
            throw new IOException(fs.location() + "/" + dir + " already exists (another watch with this pid?)");
        }
        try {
            step("create the instance", () -> fs.mkdir(dir));
            created = true;
            if (fs.read(dir + "/trace_clock").contains("mono")) {
                step("set trace_clock", () -> fs.write(dir + "/trace_clock", "mono"));
            } else {
                notes.add("no 'mono' trace clock: times are approximate");
            }
            step("size the buffer", () -> fs.write(dir + "/buffer_size_kb", Integer.toString(BUFFER_KB)));
            step("filter sys_exit_ioctl", () -> fs.write(dir + "/" + EXIT + "/filter", "ret < 0"));
            enable(EXIT);
            enable(ENTER);
            if (bufferEvents) {
                if (fs.exists(DMA_BUF)) {
                    enable(DMA_BUF);
                } else {
                    notes.add("no dma_buf events on this kernel (they are 7.x only)");
                }
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        return notes;
    }

    private void enable(String events) throws IOException {
        step("enable " + events, () -> fs.write(dir + "/" + events + "/enable", "1"));
        enabled.add(events);
    }

    /** Opens the instance's {@code trace_pipe}; the caller closes it before {@link #close()}. */
    public BufferedReader pipe() throws IOException {
        return fs.open(dir + "/trace_pipe");
    }

    /**
     * Wakes the reader: the marker goes into our ring buffer after every event already recorded, so
     * the reader stops exactly when it has read everything up to now.
     */
    public synchronized void requestStop() throws IOException {
        if (created && !closed) {
            fs.write(dir + "/trace_marker", stopMarker);
        }
    }

    /** Disables our events and removes the instance. */
    @Override
    public synchronized void close() throws IOException {
        if (closed || !created) {
            closed = true;
            return;
        }
        IOException first = null;
        for (int i = enabled.size() - 1; i >= 0; i--) {
            try {
                fs.write(dir + "/" + enabled.get(i) + "/enable", "0");
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        // rmdir fails with EBUSY while a reader still holds trace_pipe; the reader may be closing it.
        for (int attempt = 0; ; attempt++) {
            try {
                fs.rmdir(dir);
                break;
            } catch (IOException e) {
                if (attempt >= 20) {
                    throw new IOException("could not remove " + fs.location() + "/" + dir + ": " + e.getMessage()
                            + " (remove it with: rmdir " + fs.location() + "/" + dir + ")", e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        closed = true;
        if (first != null) {
            throw first;
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private void step(String what, Step s) throws IOException {
        try {
            s.run();
        } catch (IOException e) {
            throw new IOException("cannot " + what + " in " + fs.location() + "/" + dir + ": " + e.getMessage(), e);
        }
    }
}
