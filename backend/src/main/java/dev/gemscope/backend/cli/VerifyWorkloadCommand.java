package dev.gemscope.backend.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.snapshot.SnapshotFormatException;
import dev.gemscope.backend.workload.ManifestVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gemscope verify-workload}: compare snapshots with a workload manifest, exactly. */
@Command(name = "verify-workload", mixinStandardHelpOptions = true,
        description = "Compare a snapshot taken while a workload held its scene (and one taken after it stopped) with its manifest.")
final class VerifyWorkloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--manifest", required = true, paramLabel = "FILE")
    Path manifest;

    @Option(names = "--snapshot", required = true, paramLabel = "FILE", description = "Taken while the workload held.")
    Path snapshot;

    @Option(names = "--after", paramLabel = "FILE", description = "Taken after the workload stopped.")
    Path after;

    @Option(names = "--unprivileged", paramLabel = "FILE",
            description = {"Taken by an ordinary user while the workload (root's processes) held: must show none of",
                    "root's processes or debugfs, and a visibility report saying what is missing and why."})
    Path unprivileged;

    @Option(names = {"-v", "--verbose"}, description = "List every check that passed.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode m;
        try {
            m = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new InputException(manifest + ": " + e.getMessage());
        }
        Snapshot root = read(snapshot);
        ManifestVerifier v = new ManifestVerifier().verify(m, root);
        if (unprivileged != null) {
            v.verifyUnprivileged(m, read(unprivileged), root);
        }
        if (after != null) {
            v.verifyGone(m, read(after));
        }
        if (verbose) {
            v.checked().forEach(c -> out.println("ok   " + c));
        }
        v.notes().forEach(n -> out.println("note " + n));
        v.problems().forEach(p -> out.println("FAIL " + p));
        out.printf("verify-workload %s on %s: %d checks passed, %d failed%n", m.path("scenario").asText(),
                m.path("kernelRelease").asText(), v.checked().size(), v.problems().size());
        out.flush();
        return v.problems().isEmpty() ? 0 : 1;
    }

    private static Snapshot read(Path p) {
        try {
            return new SnapshotCodec().read(p);
        } catch (SnapshotFormatException e) {
            throw new InputException(p + ": " + e.getMessage());
        }
    }
}
