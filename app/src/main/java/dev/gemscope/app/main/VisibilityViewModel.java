package dev.gemscope.app.main;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.model.VisibilityReport;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The visibility banner: what could not be seen, why, and how to see more. */
public final class VisibilityViewModel {

    static final String REMEDY = "To see more, run the collector as root (or with CAP_SYS_PTRACE and debugfs "
            + "mounted at /sys/kernel/debug): 'sudo ./gemscope collect -o snap.json', then open snap.json here.";

    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(this, "complete", true);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ObservableList<String> issues = FXCollections.observableArrayList();

    public void show(Snapshot snapshot) {
        VisibilityReport v = snapshot.visibility();
        List<String> lines = new ArrayList<>();
        for (VisibilityReport.Issue i : v.issues()) {
            StringBuilder s = new StringBuilder(i.scope()).append(": ").append(i.missing());
            if (i.reason() != null && !i.reason().isEmpty()) {
                s.append(" — ").append(i.reason());
            }
            if (i.remedy() != null && !i.remedy().isEmpty()) {
                s.append(". Remedy: ").append(i.remedy());
            }
            lines.add(s.toString());
        }
        String counts = v.processesScanned() + " processes scanned, " + v.processesDenied() + " denied, "
                + v.processesVanished() + " vanished during the scan";
        boolean full = v.complete() && v.issues().isEmpty();
        complete.set(full);
        if (full) {
            headline.set("Complete view: " + counts + "; nothing was hidden.");
        } else {
            headline.set("Partial view: " + (lines.isEmpty() ? "some things" : lines.size() + " thing"
                    + (lines.size() == 1 ? "" : "s")) + " could not be seen (" + counts + ").");
            lines.add(REMEDY);
        }
        issues.setAll(lines);
    }

    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** One line per gap: "scope: missing — reason. Remedy: …", then the general remedy. */
    public ObservableList<String> issues() {
        return issues;
    }
}
