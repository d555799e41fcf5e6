package dev.gemscope.backend.cli;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.io.IOException;
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

    @Override
    public Integer call() {
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
}
