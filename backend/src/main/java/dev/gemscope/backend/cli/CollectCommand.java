package dev.gemscope.backend.cli;

import dev.gemscope.backend.bundle.BundleWriter;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.source.SystemRoot;
import dev.gemscope.backend.stream.GoneWatch;
import dev.gemscope.backend.stream.StreamLoop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gemscope collect}: read everything once and write a snapshot; {@code --stream} writes one
 * per interval as JSON lines (the pipe the GUI reads, also from pkexec, sudo, ssh or the VM);
 * {@code --bundle} writes a support bundle. Read-only in every mode.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Collect a snapshot of DRM devices, clients, GEM objects and dma-bufs (read-only).",
                "--stream writes one snapshot per interval, one JSON object per line, until --count is reached,"
                        + " standard output is closed, standard input ends (when it is a pipe or socket),"
                        + " the parent process goes away, or SIGTERM/SIGINT.",
                "--bundle writes a support bundle (zip: manifest, snapshot, kernel version and config, visibility)."})
final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", description = "Read a captured tree that mirrors / instead of the live system.")
    Path root;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the snapshot here (default: standard output).")
    Path output;

    @Option(names = "--strict", description = "Exit with 1 when visibility was partial.")
    boolean strict;

    @Option(names = "--stream", description = "Write a snapshot every --interval as one JSON line on standard output.")
    boolean stream;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between snapshots with --stream, 0.1 to 3600 (default: ${DEFAULT-VALUE}).")
    BigDecimal interval;

    @Option(names = "--count", paramLabel = "N", description = "With --stream: stop after N snapshots (default: until stopped).")
    Long count;

    @Option(names = "--no-watch-stdin",
            description = "With --stream: keep running when standard input ends (by default, when stdin is a pipe or"
                    + " socket, its end means the reader went away).")
    boolean noWatchStdin;

    @Option(names = "--bundle", paramLabel = "FILE", description = "Write a support bundle (a zip file) instead of a snapshot.")
    Path bundle;

    @Option(names = "--redact",
            description = "With --bundle: replace process names, command lines, user, host, client and buffer names by"
                    + " pseudonyms; the mapping is written next to the bundle (FILE.mapping.json, mode 0600), never into it.")
    boolean redact;

    @Option(names = "--each-line", description = {"Read output paths from standard input, one a line, and for each line "
            + "collect once and write the snapshot there (atomically), until the input ends: one process for a series "
            + "of collections, e.g. a test bench that collects before and after each step."})
    boolean eachLine;

    @Override
    public Integer call() {
        checkOptions();
        if (eachLine) {
            return eachLine();
        }
        if (stream) {
            return stream();
        }
        Snapshot snapshot = InputOptions.collect(root);
        if (bundle != null) {
            writeBundle(snapshot);
        } else if (output == null) {
            spec.commandLine().getOut().print(new SnapshotCodec().toJson(snapshot));
            spec.commandLine().getOut().flush();
        } else {
            try {
                new SnapshotCodec().write(snapshot, output);
            } catch (IOException e) {
                throw new InputException(output + ": cannot write: " + e.getMessage());
            }
        }
        // The report goes to stderr so stdout stays a clean JSON document.
        VisibilityPrinter.print(snapshot, spec.commandLine().getErr());
        return Outcome.exitCode(snapshot, strict);
    }

    private void checkOptions() {
        if (eachLine && (stream || bundle != null || output != null)) {
            throw new InputException("--each-line takes its output paths from standard input; it cannot be combined with "
                    + (stream ? "--stream" : bundle != null ? "--bundle" : "--output"));
        }
        if (stream && (output != null || bundle != null || strict)) {
            throw new InputException("--stream writes to standard output; it cannot be combined with "
                    + (output != null ? "--output" : bundle != null ? "--bundle" : "--strict"));
        }
        if (!stream && (count != null || noWatchStdin)) {
            throw new InputException((count != null ? "--count" : "--no-watch-stdin") + " needs --stream");
        }
        if (count != null && count < 1) {
            throw new InputException("--count must be at least 1");
        }
        if (redact && bundle == null) {
            throw new InputException("--redact needs --bundle FILE");
        }
        if (bundle != null && output != null) {
            throw new InputException("--bundle and --output cannot be used together");
        }
    }

    private Duration interval() {
        Duration d;
        try {
            d = Duration.ofNanos(interval.movePointRight(9).longValueExact());
        } catch (ArithmeticException e) {
            d = StreamLoop.MAX_INTERVAL.plusSeconds(1);
        }
        if (d.compareTo(StreamLoop.MIN_INTERVAL) < 0 || d.compareTo(StreamLoop.MAX_INTERVAL) > 0) {
            throw new InputException("--interval " + interval.toPlainString() + ": must be between 0.1 and 3600 seconds");
        }
        return d;
    }

    private int stream() {
        Duration every = interval();
        InputOptions.checkRoot(root);
        SystemRoot system = root == null ? SystemRoot.live() : SystemRoot.at(root);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StreamLoop loop = new StreamLoop();
        if (!noWatchStdin && GoneWatch.stdinIsPipeOrSocket()) {
            GoneWatch.watchStdin(System.in, loop);
        }
        GoneWatch.watchParent(loop, Duration.ofSeconds(1));
        // SIGTERM/SIGINT run shutdown hooks: stop before the next line and let the current one finish.
        Thread hook = new Thread(() -> {
            loop.stop("signal");
            try {
                loop.awaitFinished(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gemscope-stream-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        StreamLoop.End end;
        try {
            end = loop.run(() -> InputOptions.collect(system), every, count == null ? 0 : count,
                    line -> {
                        out.println(line);
                        out.flush();
                        // PrintWriter and System.out swallow IOExceptions (EPIPE); both keep a flag.
                        return !out.checkError() && !System.out.checkError();
                    },
                    message -> err.println("gemscope: " + message));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running and waits for us.
            }
        }
        if (end == StreamLoop.End.STOPPED && !loop.stopReason().equals("signal")) {
            err.println("gemscope: stream ended: " + loop.stopReason());
        }
        err.flush();
        return ExitCodes.OK;
    }

    private void writeBundle(Snapshot snapshot) {
        SystemRoot system = root == null ? SystemRoot.live() : SystemRoot.at(root);
        try {
            BundleWriter.Result result = new BundleWriter().write(bundle, snapshot, system, redact);
            PrintWriter err = spec.commandLine().getErr();
            err.println("gemscope: wrote support bundle " + result.file() + " (" + result.entries().size() + " entries"
                    + (redact ? ", redacted" : "") + ")");
            if (result.mappingFile() != null) {
                err.println("gemscope: pseudonym mapping (keep it on this machine, do not send it): " + result.mappingFile());
            }
        } catch (IOException e) {
            throw new InputException(bundle + ": cannot write the bundle: " + e.getMessage());
        }
    }

    private int eachLine() {
        SnapshotCodec codec = new SnapshotCodec();
        PrintWriter err = spec.commandLine().getErr();
        int worst = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Path out = Path.of(line.trim());
                long start = System.nanoTime();
                Snapshot snapshot = InputOptions.collect(root);
                Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
                codec.write(snapshot, tmp);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                err.printf("collect: %s in %d ms%n", out, (System.nanoTime() - start) / 1_000_000);
                VisibilityPrinter.print(snapshot, err);
                err.flush();
                worst = Math.max(worst, Outcome.exitCode(snapshot, strict));
            }
        } catch (IOException e) {
            throw new InputException("cannot write the snapshot: " + e.getMessage());
        }
        return worst;
    }
}
