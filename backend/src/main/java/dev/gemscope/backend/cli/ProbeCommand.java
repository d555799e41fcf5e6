package dev.gemscope.backend.cli;

import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.jnr.JnrDrmNative;
import dev.gemscope.backend.explain.Explanations;
import dev.gemscope.backend.model.ProbeResult;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.probe.ProbeBattery;
import dev.gemscope.backend.probe.ProbeContext;
import dev.gemscope.backend.probe.ProbeDevice;
import dev.gemscope.backend.probe.ProbeDevices;
import dev.gemscope.backend.probe.ProbeReport;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.source.SystemRoot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gemscope probe}: the PRIME rule battery on the running kernel. Creates objects, unlike every other command. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Check the PRIME lifetime and access rules (kernel-interfaces.md §7) on the running kernel.",
            "",
            "Unlike the other commands this one is NOT read-only: it opens the DRM devices read-write and creates"
                + " its own objects on them (dumb buffers, vgem fences, i915 objects, udmabuf and dma-heap buffers),"
                + " exports and imports them, and releases everything again. It never touches other processes'"
                + " objects. It then checks that its descriptors and the system's dma-buf count are back at the"
                + " baseline (the 'cleanup' row).",
            "Each rule gives PASS, FAIL (the kernel did something else: OBSERVED says what) or NOT_APPLICABLE"
                + " (WHY says why, e.g. no i915 device, no /dev/udmabuf, bufinfo unreadable without root)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no rule failed", "1:at least one rule FAILed", "2:bad usage, or no device could be opened"})
final class ProbeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DEVICE", arity = "0..*",
            description = "Devices to probe: a node (/dev/dri/card0, renderD128), a device id (0000:00:02.0, vgem)"
                    + " or a driver name (virtio_gpu). Default: every DRM device found.")
    List<String> devices;

    @Option(names = "--json", description = "Print the results as JSON instead of a table.")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Also collect a snapshot and write it here, with the probe results and the failed operations.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DrmNative drm;
        try {
            drm = JnrDrmNative.load(SystemRoot.live());
        } catch (LinkageError e) {
            throw new InputException("native access is unavailable (" + e.getMessage() + "): the probe needs jnr-ffi");
        }
        List<ProbeDevice> all = ProbeDevices.discover(drm);
        if (all.isEmpty()) {
            throw new InputException("no DRM devices under /dev/dri: nothing to probe");
        }
        List<ProbeDevice> chosen;
        try {
            chosen = ProbeDevices.select(all, devices);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        if (chosen.stream().allMatch(d -> d.openProblem() != null)) {
            throw new InputException("cannot open any DRM device ("
                    + String.join("; ", chosen.stream().map(ProbeDevice::openProblem).toList())
                    + "): the probe needs read-write access to /dev/dri nodes; run it as root or as a member of"
                    + " the group owning them (usually video and render)");
        }
        String release = System.getProperty("os.version", "");
        ProbeContext ctx = new ProbeContext(drm, SystemRoot.live(), release, all, Explanations.builtIn(),
                Clock.systemUTC());
        ProbeReport report = new ProbeBattery(ctx).run(chosen);
        SnapshotCodec codec = new SnapshotCodec();
        if (json) {
            out.print(codec.valueToJson(report));
        } else {
            out.print(table(report.results()));
        }
        out.flush();
        if (output != null) {
            Snapshot s = InputOptions.collect(SystemRoot.live()).withProbe(report.results(), report.failures());
            try {
                codec.write(s, output);
            } catch (IOException e) {
                throw new InputException(output + ": cannot write: " + e.getMessage());
            }
        }
        err.printf("probe: kernel %s, %d devices, %d PASS, %d FAIL, %d NOT_APPLICABLE, %d expected failures"
                + " recorded, wall %.1f s%n", release, chosen.size(), report.count(ProbeResult.Outcome.PASS),
                report.count(ProbeResult.Outcome.FAIL), report.count(ProbeResult.Outcome.NOT_APPLICABLE),
                report.failures().size(), report.wallMillis() / 1000.0);
        err.flush();
        return report.anyFailed() ? 1 : ExitCodes.OK;
    }

    static String table(List<ProbeResult> rows) {
        return new Table<ProbeResult>(List.of(
                Table.Column.text("RULE", ProbeResult::ruleId),
                Table.Column.text("DEVICE", ProbeResult::device),
                Table.Column.text("OUTCOME", r -> r.outcome().name()),
                Table.Column.text("EXPECTED", ProbeResult::expected),
                Table.Column.text("OBSERVED", ProbeResult::observed),
                Table.Column.text("WHY", r -> r.reason() != null ? r.reason() : r.citation()))).aligned(rows);
    }
}
