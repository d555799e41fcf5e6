package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.SourceRead;
import dev.gemscope.backend.model.VisibilityReport;
import dev.gemscope.backend.model.Warning;
import dev.gemscope.backend.parse.ParseWarning;
import dev.gemscope.backend.source.ReadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one collection read, what it could not see, and what it did not understand. Readers report
 * here; the collector turns it into the snapshot's sources, visibility report and warnings.
 */
final class SourceLog {

    private final Map<String, SourceRead> sources = new LinkedHashMap<>();
    private final Map<String, VisibilityReport.Issue> issues = new LinkedHashMap<>();
    private final List<Warning> warnings = new ArrayList<>();

    int processesScanned;
    int processesVanished;
    int fdsVanished;
    int processesDenied;

    /** Records one file read (or a family of files under one pattern: later calls refine detail). */
    void read(String source, ReadResult.Status status, String format, String detail) {
        sources.put(source, new SourceRead(source, status.name(), format == null ? "" : format, detail == null ? "" : detail));
    }

    void read(ReadResult result, String format) {
        read(result.path(), result.status(), format, result.ok() ? (result.truncated() ? "truncated at read limit" : "") : result.detail());
        if (result.truncated()) {
            warnings.add(new Warning(result.path(), 0, "", "file larger than the read limit; the rest was not read"));
        }
    }

    /** A gap in visibility; the same (scope, missing) is reported once. */
    void missing(String scope, String missing, String reason, String remedy) {
        issues.putIfAbsent(scope + "\u0000" + missing, new VisibilityReport.Issue(scope, missing, reason, remedy));
    }

    void warnings(List<ParseWarning> parsed) {
        for (ParseWarning w : parsed) {
            warnings.add(new Warning(w.source(), w.line(), w.text(), w.reason()));
        }
    }

    void warning(String source, String reason) {
        warnings.add(new Warning(source, 0, "", reason));
    }

    List<SourceRead> sources() {
        return List.copyOf(sources.values());
    }

    List<Warning> warnings() {
        return List.copyOf(warnings);
    }

    VisibilityReport visibility() {
        boolean complete = issues.isEmpty() && processesDenied == 0;
        return new VisibilityReport(complete, processesScanned, processesVanished, fdsVanished, processesDenied,
                List.copyOf(issues.values()));
    }
}
