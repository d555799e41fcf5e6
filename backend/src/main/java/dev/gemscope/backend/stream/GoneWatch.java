package dev.gemscope.backend.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Notices that whoever started the stream went away, so the (possibly privileged) collector never
 * outlives the GUI: the end of standard input, or the parent process changing (we were re-parented
 * to init or a subreaper because the parent died).
 *
 * <p>Why stdin: {@code pkexec} runs the collector as root, so the user's GUI cannot signal it; but the
 * GUI holds the write end of the collector's stdin, and the kernel closes it however the GUI ends
 * (even SIGKILL). The same works through {@code sudo} and {@code ssh} (EOF is forwarded).
 */
public final class GoneWatch {

    private GoneWatch() {
    }

    /**
     * Whether our stdin is a pipe or a socket: only then is its EOF a signal that the other end went
     * away. On a terminal, reading could stop a background job (SIGTTIN); {@code /dev/null} or a file
     * would end at once.
     */
    public static boolean stdinIsPipeOrSocket() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Reads and discards {@code in} on a daemon thread; at its end (or a read error) stops the loop. */
    public static Thread watchStdin(InputStream in, StreamLoop loop) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[512];
            try {
                while (in.read(buffer) >= 0) {
                    // Input carries no commands: the privileged side takes none. It is only a lifeline.
                }
            } catch (IOException e) {
                // A read error means the same as EOF here: the other end is gone.
            }
            loop.stop("standard input closed (the reader went away)");
        }, "gemscope-stdin-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Polls the parent pid every {@code period}; when it changes, stops the loop. */
    public static Thread watchParent(StreamLoop loop, Duration period) {
        Optional<Long> first = parentPid();
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(period.toMillis());
                    Optional<Long> now = parentPid();
                    if (!now.equals(first)) {
                        loop.stop("parent process " + first.map(String::valueOf).orElse("?") + " went away");
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gemscope-parent-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Optional<Long> parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid);
    }
}
