package dev.gemscope.backend.cli;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gemscope ls <view>}: one table of a snapshot. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List devices, clients, objects, dmabufs, attachments, holders, mappings, processes or failures.")
final class LsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", converter = ViewConverter.class,
            description = "One of: ${COMPLETION-CANDIDATES}", completionCandidates = ViewConverter.Names.class)
    View view;

    @Mixin
    InputOptionsMixin input;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Option(names = "--strict", description = "Exit with 1 when visibility was partial.")
    boolean strict;

    /** --json or --csv; aligned columns otherwise. */
    static final class Format {
        @Option(names = "--json", description = "Print the rows as JSON.")
        boolean json;
        @Option(names = "--csv", description = "Print the rows as CSV.")
        boolean csv;
    }

    @Override
    public Integer call() {
        Snapshot snapshot = input.options.load();
        PrintWriter out = spec.commandLine().getOut();
        if (format.json) {
            out.print(new SnapshotCodec().valueToJson(view.rows(snapshot)));
        } else if (format.csv) {
            out.print(view.csv(snapshot));
        } else {
            out.print(view.aligned(snapshot));
        }
        out.flush();
        // Machine-readable output stays clean on stdout; people see the report on the terminal either way.
        VisibilityPrinter.print(snapshot, spec.commandLine().getErr());
        return Outcome.exitCode(snapshot, strict);
    }
}
