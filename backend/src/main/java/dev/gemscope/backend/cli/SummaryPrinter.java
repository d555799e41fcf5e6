package dev.gemscope.backend.cli;

import dev.gemscope.backend.graph.Sizes;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.model.SourceRead;
import dev.gemscope.backend.model.Totals;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The human summary of a snapshot printed by {@code gemscope show}. */
final class SummaryPrinter {

    private static final int TOP_PROCESSES = 10;

    private SummaryPrinter() {
    }

    static void print(Snapshot s, PrintWriter out) {
        out.printf("host %s, kernel %s, captured %s (%s)%n", s.host(), s.kernelRelease(), s.capturedAt(), s.origin());
        out.println();
        out.printf("devices      %d%n", s.devices().size());
        for (DrmDevice d : s.devices()) {
            out.printf("  %-14s %-10s %s%n", d.id(), d.driver(),
                    d.minors().stream().map(DrmDevice.DrmMinor::name).collect(Collectors.joining(" ")));
        }
        out.printf("clients      %d%n", s.clients().size());
        out.printf("GEM objects  %d%s%n", s.gemObjects().size(), backingSummary(s));
        out.printf("dma-bufs     %d, %s (each buffer counted once)%n", s.totals().dmaBufCount(),
                Sizes.human(s.totals().dmaBufBytes()));
        out.printf("attachments  %d%n", s.attachments().size());
        out.printf("holders      %d fds%n", s.holders().size());
        out.printf("mappings     %d%n", s.mappings().size());
        out.printf("failed ops   %d%n", s.failedOperations().size());
        if (!s.totals().perProcess().isEmpty()) {
            out.println();
            out.printf("%7s %-16s %7s %10s %10s%n", "PID", "COMMAND", "BUFFERS", "RSS", "PSS");
            s.totals().perProcess().stream()
                    .sorted(Comparator.comparingLong(Totals.ProcessUsage::pssBytes).reversed()
                            .thenComparingInt(Totals.ProcessUsage::pid))
                    .limit(TOP_PROCESSES)
                    .forEach(p -> out.printf("%7d %-16s %7d %10s %10s%n", p.pid(), p.comm(), p.buffers(),
                            Sizes.human(p.rssBytes()), Sizes.human(p.pssBytes())));
        }
        out.println();
        out.println("sources:");
        for (SourceRead r : s.sources()) {
            out.printf("  %-8s %s%s%s%n", r.status(), r.source(),
                    r.format() == null || r.format().isEmpty() ? "" : " [" + r.format() + "]",
                    r.detail() == null || r.detail().isEmpty() ? "" : " — " + r.detail());
        }
    }

    private static String backingSummary(Snapshot s) {
        if (s.gemObjects().isEmpty()) {
            return "";
        }
        Map<GemObject.Backing, Long> counts = new EnumMap<>(GemObject.Backing.class);
        for (GemObject o : s.gemObjects()) {
            counts.merge(o.backing(), 1L, Long::sum);
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
