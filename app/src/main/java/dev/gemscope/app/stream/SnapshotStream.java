package dev.gemscope.app.stream;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.snapshot.SnapshotFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a {@link StreamCommand} and reads its snapshots, one JSON line each, on a background thread.
 * The listener is called on that thread (the caller hops to the FX thread). A line is bounded
 * (a remote machine is not trusted to send sane data) and a bad line is reported, not fatal.
 *
 * <p>Stopping closes the child's stdin first: that is its lifeline (the collector exits at its
 * end), and it is the only way to end a child that pkexec or sudo made root, which this user
 * cannot signal. Then SIGTERM, then SIGKILL, for the processes this user does own (ssh, a VM
 * script). A shutdown hook does the same when the app exits without stopping the stream.
 */
public final class SnapshotStream implements StreamHandle {

    private static final Logger LOG = Logger.getLogger(SnapshotStream.class.getName());
    /** One snapshot line; the codec's own limit for files, well above any real snapshot. */
    static final int MAX_LINE_BYTES = (int) Math.min(Integer.MAX_VALUE - 8, SnapshotCodec.DEFAULT_MAX_BYTES);
    private static final int STDERR_LINES = 8;

    /** What the stream tells; called on the stream's reader thread. */
    public interface Listener {
        void snapshot(Snapshot snapshot);

        /** A line that is not a snapshot (the stream goes on). */
        void badLine(String message);

        /** The command ended (by itself or stopped): exit status and the last lines of its stderr. */
        void ended(int exitStatus, String stderrTail, boolean stoppedByUs);
    }

    private final StreamCommand command;
    private final Process process;
    private final Deque<String> stderr = new ArrayDeque<>();
    private final Thread hook;
    private volatile boolean stopping;

    private SnapshotStream(StreamCommand command, Process process) {
        this.command = command;
        this.process = process;
        this.hook = new Thread(this::kill, "gemscope-stream-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts the command; fails when it cannot be started (not found, not executable). */
    public static SnapshotStream start(StreamCommand command, Listener listener) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = pb.start();
        SnapshotStream stream = new SnapshotStream(command, process);
        stream.thread("gemscope-stream-err", stream::readStderr).start();
        stream.thread("gemscope-stream", () -> stream.readSnapshots(listener)).start();
        return stream;
    }

    private Thread thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void readSnapshots(Listener listener) {
        SnapshotCodec codec = new SnapshotCodec();
        long n = 0;
        try (InputStream in = process.getInputStream()) {
            for (byte[] line = readLine(in); line != null; line = readLine(in)) {
                n++;
                if (line.length == 0) {
                    continue;
                }
                if (line.length > MAX_LINE_BYTES) {
                    listener.badLine("line " + n + " is longer than " + MAX_LINE_BYTES + " bytes; skipped");
                    continue;
                }
                try {
                    listener.snapshot(codec.fromJson(new String(line, StandardCharsets.UTF_8), "stream line " + n));
                } catch (SnapshotFormatException e) {
                    listener.badLine(e.getMessage());
                }
            }
        } catch (IOException e) {
            if (!stopping) {
                listener.badLine("reading the stream failed: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stream listener failed", e);
        }
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        removeHook();
        listener.ended(status, stderrTail(), stopping);
    }

    /** Reads up to '\n'; returns null at the end; a line over the limit is drained and returned cut. */
    static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        boolean any = false;
        boolean over = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (line.size() <= MAX_LINE_BYTES) {
                line.write(c);
            } else {
                over = true;
            }
        }
        if (!any) {
            return null;
        }
        return over ? new byte[MAX_LINE_BYTES + 1] : line.toByteArray();
    }

    private void readStderr() {
        try (InputStream in = process.getErrorStream()) {
            for (byte[] line = readLine(in); line != null; line = readLine(in)) {
                String text = new String(line, 0, Math.min(line.length, 500), StandardCharsets.UTF_8);
                synchronized (stderr) {
                    stderr.addLast(text);
                    if (stderr.size() > STDERR_LINES) {
                        stderr.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The child's stderr is informative only.
        }
    }

    private String stderrTail() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    @Override
    public StreamCommand command() {
        return command;
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Ends the child (see the class comment); returns at once, the reader thread reports the end. */
    @Override
    public void stop() {
        stopping = true;
        Thread t = thread("gemscope-stream-stop", this::kill);
        t.start();
    }

    private void kill() {
        stopping = true;
        try {
            process.getOutputStream().close();
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return;
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The app is exiting: the hook is running.
        }
    }
}
