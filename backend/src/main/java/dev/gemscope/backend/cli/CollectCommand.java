package dev.gemscope.backend.cli;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gemscope collect}: read everything once and write a snapshot. Read-only. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Collect a snapshot of DRM devices, clients, GEM objects and dma-bufs (read-only).")
final class CollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", description = "Read a captured tree that mirrors / instead of the live system.")
    Path root;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the snapshot here (default: standard output).")
    Path output;

    @Option(names = "--strict", description = "Exit with 1 when visibility was partial.")
    boolean strict;

    @Option(names = "--each-line", description = {"Read output paths from standard input, one a line, and for each line "
            + "collect once and write the snapshot there (atomically), until the input ends: one process for a series "
            + "of collections, e.g. a test bench that collects before and after each step."})
    boolean eachLine;

    @Override
    public Integer call() {
        if (eachLine) {
            return eachLine();
        }
        Snapshot snapshot = InputOptions.collect(root);
        SnapshotCodec codec = new SnapshotCodec();
        if (output == null) {
            spec.commandLine().getOut().print(codec.toJson(snapshot));
            spec.commandLine().getOut().flush();
        } else {
            try {
                codec.write(snapshot, output);
            } catch (IOException e) {
                throw new InputException(output + ": cannot write: " + e.getMessage());
            }
        }
        // The report goes to stderr so stdout stays a clean JSON document.
        VisibilityPrinter.print(snapshot, spec.commandLine().getErr());
        return Outcome.exitCode(snapshot, strict);
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
