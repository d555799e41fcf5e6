package dev.gemscope.app.main;

import dev.gemscope.app.source.SnapshotSource;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The source bar: what is shown (LIVE / CAPTURE / DEMO CAPTURE badge and where it comes from), the
 * live controls (interval, pause, refresh) and open / save / compare.
 */
final class SourceBar extends HBox {

    final Button open = new Button("Open…");
    final Button save = new Button("Save…");
    final Button compare = new Button("Compare…");
    final Button refresh = new Button("Refresh");
    final Button baseline = new Button("Mark baseline");
    final ToggleButton pause = new ToggleButton("Pause");
    final ComboBox<Integer> interval = new ComboBox<>();
    final Button seeEverything = new Button("See everything");
    final Button remote = new Button("Remote/command…");

    SourceBar(MainViewModel vm) {
        super(6);
        setId("source-bar");
        getStyleClass().add("tool-bar");
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label badge = new Label();
        badge.setId("source-badge");
        badge.getStyleClass().add("source-badge");
        badge.textProperty().bind(vm.sourceBadgeProperty());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        vm.sourceProperty().addListener((o, a, s) -> {
            badge.getStyleClass().removeAll("badge-live", "badge-capture", "badge-demo");
            if (s != null) {
                badge.getStyleClass().add(switch (s.kind()) {
                    case LIVE, TREE, STREAM -> "badge-live";
                    case FILE -> "badge-capture";
                    case DEMO -> "badge-demo";
                });
            }
        });
        Label text = new Label();
        text.setId("source-text");
        text.textProperty().bind(vm.sourceTextProperty());
        text.setTooltip(new Tooltip());
        text.getTooltip().textProperty().bind(vm.sourceTextProperty());
        text.setMinWidth(100);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);

        BooleanBinding collected = Bindings.createBooleanBinding(
                () -> vm.sourceProperty().get() != null && vm.sourceProperty().get().isCollected(), vm.sourceProperty());
        Label every = new Label("every");
        interval.setId("interval");
        interval.getItems().setAll(MainViewModel.INTERVALS);
        interval.setValue(vm.intervalSecondsProperty().get());
        interval.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : s + " s";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("s", "").trim());
            }
        });
        interval.valueProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.intervalSecondsProperty().set(s);
            }
        });
        interval.setTooltip(new Tooltip("How often to collect again"));
        pause.setId("pause");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        pause.setTooltip(new Tooltip("Stop refreshing; the snapshot on screen stays"));
        refresh.setId("refresh");
        refresh.setTooltip(new Tooltip("Collect now (F5)"));
        refresh.setOnAction(e -> vm.refresh());
        baseline.setId("baseline");
        baseline.setTooltip(new Tooltip("Compare every refresh from now on with what is on screen now (Compare tab)"));
        baseline.setOnAction(e -> vm.markBaseline());
        BooleanBinding liveView = Bindings.createBooleanBinding(
                () -> vm.sourceProperty().get() != null && vm.sourceProperty().get().isLive(), vm.sourceProperty());
        for (var n : new javafx.scene.Node[] {every, interval, refresh}) {
            n.visibleProperty().bind(collected);
            n.managedProperty().bind(collected);
        }
        // A stream brings its own snapshots: pause and baseline apply, interval and refresh do not.
        for (var n : new javafx.scene.Node[] {pause, baseline}) {
            n.visibleProperty().bind(liveView);
            n.managedProperty().bind(liveView);
        }
        seeEverything.setId("see-everything");
        seeEverything.setTooltip(new Tooltip("Collect as root through the privileged collector (pkexec or sudo):"
                + " every process's buffers, debugfs; this window keeps running as you"));
        seeEverything.setOnAction(e -> vm.seeEverything());
        remote.setId("stream-command");
        remote.setTooltip(new Tooltip("Read snapshots from a command: another machine over ssh, the live-kernel VM, ..."));
        remote.setOnAction(e -> vm.streamFromCommandWithDialog());

        open.setId("open");
        open.setTooltip(new Tooltip("Open a snapshot file (Ctrl+O); or drop one on the window"));
        open.setOnAction(e -> vm.openWithDialog());
        save.setId("save");
        save.setTooltip(new Tooltip("Save what is on screen as a snapshot file (Ctrl+S)"));
        save.setOnAction(e -> vm.saveWithDialog());
        save.disableProperty().bind(vm.snapshotProperty().isNull());
        compare.setId("compare");
        compare.setTooltip(new Tooltip("Compare with another snapshot: new, gone and grown buffers per process"));
        compare.disableProperty().bind(vm.snapshotProperty().isNull());
        compare.setOnAction(e -> vm.compareWithDialog());

        Separator sep = new Separator(javafx.geometry.Orientation.VERTICAL);
        Separator sep2 = new Separator(javafx.geometry.Orientation.VERTICAL);
        getChildren().addAll(badge, text, every, interval, pause, refresh, baseline, sep, seeEverything, remote, sep2,
                open, save, compare);
        for (var n : getChildren()) {
            if (n != text && n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    static String kindName(SnapshotSource s) {
        return s == null ? "" : s.kind().name();
    }
}
