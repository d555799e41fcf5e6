package dev.gemscope.app.main;

import dev.gemscope.app.compare.CompareView;
import dev.gemscope.app.details.DetailsPane;
import dev.gemscope.app.live.MemoryChart;
import dev.gemscope.app.graph.GraphView;
import dev.gemscope.app.table.DataTable;
import java.io.File;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;

/**
 * The main window: source bar, visibility banner, device list, the tabs, the details pane and a
 * status bar. Built in code (the views are table-heavy and generated); all state is in {@link MainViewModel}.
 */
public class MainView {

    private final MainViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<Screen, Tab> tabByScreen = new EnumMap<>(Screen.class);
    private final Map<Screen, DataTable<?>> filterTarget = new EnumMap<>(Screen.class);
    private final NotificationPane notifications;
    private final SourceBar sourceBar;

    public MainView(MainViewModel vm) {
        this.vm = vm;
        root.setId("main");
        sourceBar = new SourceBar(vm);
        VBox top = new VBox(sourceBar, new VisibilityBanner(vm.visibility()));
        root.setTop(top);

        DataTable<?> objects = new DataTable<>(vm.objects().table(), "objects");
        addTab(Screen.OBJECTS, objects, objects);
        addTab(Screen.DMABUFS, dmaBufsPane(), null);
        addTab(Screen.PROCESSES, processesPane(), null);
        addTab(Screen.GRAPH, new GraphView(vm.graph(), vm.dialogs(), text -> vm.noticeProperty().set(Notice.info(text))),
                null);
        DataTable<?> failures = new DataTable<>(vm.failures().table(), "failures");
        addTab(Screen.FAILURES, failuresPane(failures), failures);
        CompareView compare = new CompareView(vm.compare());
        addTab(Screen.COMPARE, compare, compare.processesTable());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.screenProperty().set((Screen) t.getUserData());
            }
        });
        vm.screenProperty().addListener((o, a, s) -> {
            Tab t = tabByScreen.get(s);
            if (t != null) {
                tabs.getSelectionModel().select(t);
            }
        });

        var live = javafx.beans.binding.Bindings.createBooleanBinding(vm::isLiveView, vm.sourceProperty());
        VBox left = new VBox(new SectionLabel("Devices"), new DeviceList(vm.devices()),
                new SectionLabel("Memory over time"), new MemoryChart(vm.history(), live));
        left.setId("left-pane");
        VBox.setVgrow(left.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        left.setMinWidth(180);
        DetailsPane details = new DetailsPane(vm.detailsProperty());
        details.setMinWidth(240);
        SplitPane center = new SplitPane(left, tabs, details);
        center.setDividerPositions(0.165, 0.76);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(details, false);
        notifications = new NotificationPane(center);
        notifications.setId("notifications");
        // From the bottom: a notice must not cover the source bar or a tab's toolbar.
        notifications.setShowFromTop(false);
        vm.noticeProperty().addListener((o, a, n) -> {
            if (n != null) {
                notifications.getStyleClass().removeAll("notice-info", "notice-error", "notice-warning");
                notifications.getStyleClass().add("notice-" + n.level().name().toLowerCase());
                notifications.show(n.text());
                if (n.level() == Notice.Level.INFO) {
                    javafx.animation.PauseTransition hide = new javafx.animation.PauseTransition(Duration.seconds(6));
                    hide.setOnFinished(e -> {
                        if (vm.noticeProperty().get() == n) {
                            notifications.hide();
                        }
                    });
                    hide.play();
                }
            }
        });
        root.setCenter(notifications);
        root.setBottom(statusBar());
        installDragAndDrop();
        installKeys();
    }

    protected final void addTab(Screen screen, Node content, DataTable<?> filter) {
        Tab tab = new Tab(screen.title(), content);
        tab.setId("tab-" + screen.name().toLowerCase());
        tab.setUserData(screen);
        tabByScreen.put(screen, tab);
        if (filter != null) {
            filterTarget.put(screen, filter);
        }
        int at = 0;
        for (Tab t : tabs.getTabs()) {
            if (((Screen) t.getUserData()).ordinal() < screen.ordinal()) {
                at++;
            }
        }
        tabs.getTabs().add(at, tab);
    }

    private Node failuresPane(DataTable<?> failures) {
        DataTable<?> probe = new DataTable<>(vm.failures().probe(), "probe");
        VBox bottom = new VBox(new SectionLabel("Probe: PRIME rules checked on this machine's devices"), probe);
        VBox.setVgrow(probe, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(failures, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        return split;
    }

    private Node dmaBufsPane() {
        DataTable<?> buffers = new DataTable<>(vm.dmaBufs().table(), "dmabufs");
        DataTable<?> usage = new DataTable<>(vm.dmaBufs().usage(), "usage");
        Label summary = new Label();
        summary.setId("dmabuf-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.dmaBufs().summaryProperty());
        summary.setPadding(new Insets(4, 8, 0, 8));
        VBox bottom = new VBox(new SectionLabel("Per process — each buffer counted once"), summary, usage);
        VBox.setVgrow(usage, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(buffers, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        filterTarget.put(Screen.DMABUFS, buffers);
        return split;
    }

    private Node processesPane() {
        DataTable<?> processes = new DataTable<>(vm.processes().processes(), "processes");
        DataTable<?> clients = new DataTable<>(vm.processes().clients(), "clients");
        VBox bottom = new VBox(new SectionLabel("DRM clients (of the selected process) — memory per region and engines from fdinfo"), clients);
        VBox.setVgrow(clients, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(processes, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        filterTarget.put(Screen.PROCESSES, processes);
        return split;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status");
        var activity = vm.executor().activity();
        bar.textProperty().bind(javafx.beans.binding.Bindings.when(activity.busyProperty())
                .then(activity.messageProperty()).otherwise(vm.summaryProperty()));
        bar.progressProperty().bind(javafx.beans.binding.Bindings.when(activity.busyProperty())
                .then(activity.progressProperty()).otherwise(0.0));
        return bar;
    }

    private void installDragAndDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                vm.openFile(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private void installKeys() {
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                return;
            }
            var acc = scene.getAccelerators();
            acc.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), vm::openWithDialog);
            acc.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::saveWithDialog);
            acc.put(new KeyCodeCombination(KeyCode.F5), vm::refresh);
            acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                DataTable<?> t = filterTarget.get(vm.screenProperty().get());
                if (t != null) {
                    t.focusFilter();
                }
            });
            Screen[] screens = Screen.values();
            for (int i = 0; i < screens.length && i < 9; i++) {
                Screen s = screens[i];
                acc.put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)), KeyCombination.SHORTCUT_DOWN),
                        () -> {
                            if (tabByScreen.containsKey(s)) {
                                vm.screenProperty().set(s);
                            }
                        });
            }
        });
    }

    public Parent root() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }

    protected SourceBar sourceBar() {
        return sourceBar;
    }

    protected MainViewModel viewModel() {
        return vm;
    }

    /** A small heading above a list or table. */
    static final class SectionLabel extends Label {
        SectionLabel(String text) {
            super(text);
            getStyleClass().add("section-label");
            setPadding(new Insets(6, 8, 2, 8));
            setWrapText(true);
        }
    }
}
