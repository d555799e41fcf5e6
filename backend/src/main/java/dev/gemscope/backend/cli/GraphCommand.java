package dev.gemscope.backend.cli;

import dev.gemscope.backend.graph.DotWriter;
import dev.gemscope.backend.graph.SharingGraph;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gemscope graph}: the sharing graph as DOT or JSON. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print the sharing graph: process -> DRM client -> GEM object -> dma-buf -> importing device.")
final class GraphCommand implements Callable<Integer> {

    /** Output formats. */
    enum GraphFormat { dot, json }

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptionsMixin input;

    @Option(names = "--format", defaultValue = "dot", description = "dot or json (default: ${DEFAULT-VALUE}).")
    GraphFormat format;

    @Option(names = "--strict", description = "Exit with 1 when visibility was partial.")
    boolean strict;

    @Override
    public Integer call() {
        Snapshot snapshot = input.options.load();
        SharingGraph graph = SharingGraph.of(snapshot);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == GraphFormat.dot ? DotWriter.write(graph) : new SnapshotCodec().valueToJson(graph));
        out.flush();
        VisibilityPrinter.print(snapshot, spec.commandLine().getErr());
        return Outcome.exitCode(snapshot, strict);
    }
}
