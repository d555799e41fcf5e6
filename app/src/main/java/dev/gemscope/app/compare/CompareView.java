package dev.gemscope.app.compare;

import dev.gemscope.app.table.DataTable;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Compare tab: which snapshots, the headline counts, per-process growth and the changes. */
public final class CompareView extends VBox {

    private final DataTable<SnapshotDiff.ProcessChange> processes;

    public CompareView(CompareViewModel vm) {
        setId("compare");
        Label headline = new Label();
        headline.setId("compare-headline");
        headline.textProperty().bind(vm.headlineProperty());
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("compare-summary");
        summary.getStyleClass().add("compare-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = new VBox(2, headline, summary);
        top.setPadding(new Insets(6, 8, 4, 8));
        processes = new DataTable<>(vm.processes(), "compare-processes");
        DataTable<SnapshotDiff.Change> changes = new DataTable<>(vm.changes(), "compare-changes");
        Label changesLabel = new Label("Changes (of the selected process) — new, gone and grown buffers and objects");
        changesLabel.getStyleClass().add("section-label");
        changesLabel.setPadding(new Insets(6, 8, 2, 8));
        VBox bottom = new VBox(changesLabel, changes);
        VBox.setVgrow(changes, Priority.ALWAYS);
        SplitPane split = new SplitPane(processes, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, split);
    }

    public DataTable<SnapshotDiff.ProcessChange> processesTable() {
        return processes;
    }
}
