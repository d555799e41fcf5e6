package dev.gemscope.backend.cli;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.source.DrmPresence;
import dev.gemscope.backend.source.SystemRoot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gemscope show [FILE]}: a summary and the visibility report. Without a file it reads the live
 * system; on a machine with no DRM device it opens the bundled demo capture instead, and says so.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Summarise a snapshot file (or the live system) and report what could not be seen.")
final class ShowCommand implements Callable<Integer> {

    static final String DEMO_CAPTURE = DrmPresence.DEMO_CAPTURE;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A snapshot file; default: the live system.")
    Path file;

    @Option(names = "--root", paramLabel = "DIR", description = "Summarise a captured tree instead.")
    Path root;

    @Option(names = "--strict", description = "Exit with 1 when visibility was partial.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Snapshot snapshot;
        if (file != null) {
            snapshot = InputOptions.readSnapshot(file);
        } else if (root != null || DrmPresence.hasDrmDevice(SystemRoot.live())) {
            snapshot = InputOptions.collect(root);
        } else {
            Path demo = demoCapture();
            out.println("No DRM device on this machine: showing the bundled demo capture " + demo);
            out.println();
            snapshot = InputOptions.readSnapshot(demo);
        }
        SummaryPrinter.print(snapshot, out);
        VisibilityPrinter.print(snapshot, out);
        return Outcome.exitCode(snapshot, strict);
    }

    static Path demoCapture() {
        String home = System.getProperty("gemscope.home");
        Path base = home == null ? Path.of("") : Path.of(home);
        Path demo = base.resolve(DEMO_CAPTURE);
        if (!Files.isRegularFile(demo)) {
            throw new InputException("no DRM device here and no demo capture at " + demo
                    + " (run from the gemscope directory, or pass a snapshot FILE)");
        }
        return demo;
    }
}
