package dev.gemscope.backend.probe;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.model.ProbeResult;
import dev.gemscope.backend.model.ProbeResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every rule on every chosen device, one at a time, each rule creating and releasing its own
 * objects; then checks that the probe's descriptors and the system's dma-buf count are back at the
 * baseline (the {@code cleanup} row).
 */
public final class ProbeBattery {

    /** Every rule, in §7 order. Rules 10, 17 and 25 are not in the battery (see the README). */
    public static List<Rule> rules() {
        return List.of(new ExportRules.R1(), new ExportRules.R2(), new ExportRules.R3(), new ExportRules.R4(),
                new ExportRules.R5(), new ExportRules.R6(), new ImportRules.R7(), new ImportRules.R8(),
                new ImportRules.R9(), new ImportRules.R11(), ImportRules.R11.udmabuf(), ImportRules.R11.heap(),
                new ImportRules.R11a(), new ImportRules.R12(),
                new LifetimeRules.R13(), new LifetimeRules.R14(), new LifetimeRules.R15(), new LifetimeRules.R16(),
                new I915Rules.R18(), new I915Rules.R19(), new I915Rules.R20(), new I915Rules.R21(),
                new DmaBufFdRules.R22(), new DmaBufFdRules.R23(), new DmaBufFdRules.R24(), new DmaBufFdRules.R26(),
                new DmaBufFdRules.R27(), new FenceRules.R28(), new FenceRules.R29(), new FlinkRules.R30(),
                new FlinkRules.R31(), new FlinkRules.R32(), new NamingRules.R33());
    }

    private final ProbeContext ctx;
    private final List<Rule> rules;

    public ProbeBattery(ProbeContext ctx) {
        this(ctx, rules());
    }

    ProbeBattery(ProbeContext ctx, List<Rule> rules) {
        this.ctx = ctx;
        this.rules = List.copyOf(rules);
    }

    /** Runs the battery on {@code targets} (a subset of the context's devices). */
    public ProbeReport run(List<ProbeDevice> targets) {
        long t0 = System.nanoTime();
        List<String> fdsBefore = FdCensus.ours();
        long bufsBefore = ctx.bufinfoCount();
        List<ProbeResult> rows = new ArrayList<>();
        for (ProbeDevice d : targets) {
            for (Rule r : rules) {
                rows.add(runOne(r, d));
            }
        }
        rows.add(cleanup(fdsBefore, bufsBefore));
        return new ProbeReport(ctx.kernelRelease(), rows, ctx.failures(), (System.nanoTime() - t0) / 1_000_000);
    }

    ProbeResult runOne(Rule r, ProbeDevice d) {
        String expected = r.expected(d.driver(), ctx.kernel());
        Optional<String> na = r.notApplicable(d.driver(), ctx.kernel());
        if (na.isPresent()) {
            return row(r, d, Outcome.NOT_APPLICABLE, expected, null, na.get());
        }
        if (d.openProblem() != null) {
            return row(r, d, Outcome.NOT_APPLICABLE, expected, null, d.openProblem());
        }
        try {
            return row(r, d, Outcome.PASS, expected, r.check(ctx, d), null);
        } catch (RuleNotApplicable e) {
            return row(r, d, Outcome.NOT_APPLICABLE, expected, null, e.getMessage());
        } catch (RuleMismatch e) {
            return row(r, d, Outcome.FAIL, expected, e.observed(), e.getMessage());
        } catch (DrmException e) {
            return row(r, d, Outcome.FAIL, expected, e.errnoName() + " from " + e.call(), "unexpected: " + e.getMessage());
        } catch (RuntimeException e) {
            return row(r, d, Outcome.FAIL, expected, e.getClass().getSimpleName(), "unexpected: " + e.getMessage());
        }
    }

    private static ProbeResult row(Rule r, ProbeDevice d, Outcome o, String expected, String observed, String reason) {
        return new ProbeResult(r.id(), r.title(), d.label(), o, expected, observed, reason, r.citation());
    }

    private ProbeResult cleanup(List<String> fdsBefore, long bufsBefore) {
        List<String> fdsAfter = FdCensus.ours();
        long bufsAfter = ctx.bufinfoCount();
        // Our closes are synchronous, but allow deferred fput work a moment before calling it a leak.
        for (int i = 0; i < 40 && bufsBefore >= 0 && bufsAfter != bufsBefore; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            bufsAfter = ctx.bufinfoCount();
        }
        String expected = "fds " + fdsBefore.size() + (bufsBefore >= 0 ? ", dma-bufs " + bufsBefore : "");
        String observed = "fds " + fdsAfter.size() + (bufsAfter >= 0 ? ", dma-bufs " + bufsAfter : "");
        String citation = "/proc/self/fd; /sys/kernel/debug/dma_buf/bufinfo (totals)";
        List<String> leaked = new ArrayList<>(fdsAfter);
        fdsBefore.forEach(leaked::remove);
        if (!fdsAfter.equals(fdsBefore)) {
            return new ProbeResult("cleanup", "descriptors and dma-bufs back to the baseline", "-", Outcome.FAIL, expected,
                    observed, "descriptors left open: " + leaked, citation);
        }
        if (bufsBefore >= 0 && bufsAfter != bufsBefore) {
            return new ProbeResult("cleanup", "descriptors and dma-bufs back to the baseline", "-", Outcome.FAIL, expected,
                    observed, "bufinfo counts " + bufsBefore + " dma-bufs before and " + bufsAfter
                    + " after (another process may have changed it too)", citation);
        }
        String reason = bufsBefore < 0 ? "dma-buf count not checked: bufinfo is not readable (needs root and debugfs)" : null;
        return new ProbeResult("cleanup", "descriptors and dma-bufs back to the baseline", "-", Outcome.PASS, expected,
                observed, reason, citation);
    }
}
