package dev.gemscope.backend.cli;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.model.VisibilityReport;
import java.io.PrintWriter;

/** Prints the visibility report: every CLI output ends with it. */
final class VisibilityPrinter {

    private VisibilityPrinter() {
    }

    static void print(Snapshot snapshot, PrintWriter out) {
        VisibilityReport v = snapshot.visibility();
        out.printf("visibility: %s — %d processes scanned, %d vanished, %d denied, %d fds vanished%n",
                v.complete() ? "complete" : "PARTIAL", v.processesScanned(), v.processesVanished(),
                v.processesDenied(), v.fdsVanished());
        for (VisibilityReport.Issue issue : v.issues()) {
            out.printf("  %s: %s not visible (%s)%s%n", issue.scope(), issue.missing(), issue.reason(),
                    issue.remedy().isEmpty() ? "" : " — " + issue.remedy());
        }
        if (!snapshot.warnings().isEmpty()) {
            out.printf("  %d kernel lines were not understood (see \"warnings\" in the snapshot)%n",
                    snapshot.warnings().size());
        }
        out.flush();
    }
}
