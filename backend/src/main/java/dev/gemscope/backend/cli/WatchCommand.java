package dev.gemscope.backend.cli;

import dev.gemscope.backend.collect.Collector;
import dev.gemscope.backend.explain.Explanations;
import dev.gemscope.backend.model.FailedOperation;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;
import dev.gemscope.backend.watch.LiveTraceFs;
import dev.gemscope.backend.watch.ProcFdResolver;
import dev.gemscope.backend.watch.Watcher;
import dev.gemscope.backend.parse.trace.TraceEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gemscope watch}: every failed DRM or dma-buf ioctl on the system, as it happens, from a
 * tracefs instance of our own (removed on exit, also on Ctrl-C). Needs root.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Show failed DRM and dma-buf ioctls of every process, live (needs root and tracefs).",
            "Uses its own tracefs instance (instances/gemscope-PID), removed on exit and on Ctrl-C."})
final class WatchCommand implements Callable<Integer> {

    /** How long a shutdown (Ctrl-C, SIGTERM) waits for the watch to drain, clean up and write its snapshot. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(120);

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line (a FailedOperation) instead of text.")
    boolean json;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds (default: until Ctrl-C).")
    Long durationSeconds;

    @Option(names = "--pid", paramLabel = "PID", description = "Only calls made by this process (any of its threads).")
    Integer pid;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "At the end, collect a snapshot and write it here, with the failures in failedOperations.")
    Path output;

    @Option(names = "--buffer-events", description = "Also print the kernel's dma_buf events (export, attach, detach, ...; 7.x kernels only).")
    boolean bufferEvents;

    @Option(names = "--raw-log", paramLabel = "FILE", hidden = true,
            description = "Also write every trace_pipe line read to FILE (to capture test fixtures).")
    Path rawLog;

    @Override
    public Integer call() throws InterruptedException {
        if (durationSeconds != null && durationSeconds <= 0) {
            throw new InputException("--duration must be a positive number of seconds");
        }
        if (pid != null && pid <= 0) {
            throw new InputException("--pid must be a process id");
        }
        StringBuilder why = new StringBuilder();
        LiveTraceFs fs = LiveTraceFs.find(why).orElseThrow(() -> new InputException(
                "watch needs tracefs and root: " + why + ". Run it as root (sudo); if tracefs is not mounted: "
                        + "mount -t tracefs nodev /sys/kernel/tracing"));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        // The device list maps DRM nodes to devices and drivers; read once, before tracing starts.
        SystemRoot live = SystemRoot.live();
        ReadResult release = live.read("/proc/sys/kernel/osrelease", 4096);
        String instance = "gemscope-" + ProcessHandle.current().pid();
        Watcher watcher = new Watcher(fs, instance, new ProcFdResolver(live, new Collector(live).devices()),
                Explanations.builtIn(), release.ok() ? release.text().strip() : null, new Watcher.Options(pid, bufferEvents));

        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            watcher.stop();
            try {
                finished.await(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gemscope-watch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (durationSeconds != null) {
                Thread timer = new Thread(() -> {
                    try {
                        Thread.sleep(TimeUnit.SECONDS.toMillis(durationSeconds));
                        watcher.stop();
                    } catch (InterruptedException e) {
                        // the watch ended first
                    }
                }, "gemscope-watch-timer");
                timer.setDaemon(true);
                timer.start();
            }
            SnapshotCodec codec = new SnapshotCodec();
            Watcher.Summary summary;
            try (PrintWriter raw = rawLog == null ? null : new PrintWriter(Files.newBufferedWriter(rawLog, StandardCharsets.UTF_8))) {
                summary = watcher.run(new Watcher.Listener() {
                    @Override
                    public void ready(String dir, List<String> notes) {
                        for (String n : notes) {
                            err.println("gemscope watch: note: " + n);
                        }
                        err.println("gemscope watch: ready, tracing in " + fs.location() + "/" + dir
                                + (pid != null ? " for pid " + pid : " for all processes")
                                + (durationSeconds != null ? " for " + durationSeconds + " s" : " until Ctrl-C"));
                        err.flush();
                    }

                    @Override
                    public void failure(FailedOperation f) {
                        out.println(json ? codec.valueToJsonLine(f) : text(f));
                        out.flush();
                    }

                    @Override
                    public void rawLine(String line) {
                        if (raw != null) {
                            raw.println(line);
                        }
                    }

                    @Override
                    public void bufferEvent(TraceEvent.DmaBufEvent e) {
                        if (!json) {
                            out.println("event " + e.name() + " tid " + e.header().tid() + " (" + e.header().task() + ") "
                                    + e.fields());
                            out.flush();
                        }
                    }
                });
            } catch (IOException e) {
                throw new InputException(e.getMessage());
            }
            err.println("gemscope watch: " + summary.failures().size() + " failed ioctl(s); " + fs.location() + "/"
                    + summary.instance() + " removed"
                    + (summary.lostEvents() > 0 ? "; WARNING: the kernel dropped " + summary.lostEvents()
                            + " events (buffer overrun), failures may be missing" : "")
                    + (summary.orphanExits() > 0 ? "; " + summary.orphanExits() + " failing exit(s) without their enter" : ""));
            if (output != null) {
                Snapshot after = new Collector(SystemRoot.live()).collect(summary.failures());
                try {
                    codec.write(after, output);
                } catch (IOException e) {
                    throw new InputException(output + ": cannot write: " + e.getMessage());
                }
                err.println("gemscope watch: snapshot written to " + output);
            }
            err.flush();
            return ExitCodes.OK;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what is running us down; it returns now that we are finished
            }
        }
    }

    /** One line: when, who, where, what, errno, the fd, and why. */
    static String text(FailedOperation f) {
        StringBuilder s = new StringBuilder();
        s.append(f.time()).append(' ');
        s.append("pid ").append(f.pid() == null ? "?" : f.pid());
        if (f.comm() != null) {
            s.append(" (").append(f.comm()).append(')');
        }
        s.append(' ').append(f.deviceId() == null ? "-" : f.deviceId());
        s.append(' ').append(f.operation()).append(' ').append(f.errnoName());
        if (!f.errnoName().equals("errno " + f.errno())) {
            s.append(" (").append(f.errno()).append(')');
        }
        s.append(" — ").append(f.objectRef());
        if (f.explanation() != null && !f.explanation().isEmpty()) {
            s.append(" — ").append(f.explanation());
            if (Boolean.TRUE.equals(f.expectedByDesign())) {
                s.append(" [by design]");
            }
        }
        return s.toString();
    }
}
