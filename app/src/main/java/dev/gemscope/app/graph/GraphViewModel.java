package dev.gemscope.app.graph;

import dev.gemscope.app.fx.Job;
import dev.gemscope.app.fx.TaskExecutor;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.graph.DotWriter;
import dev.gemscope.backend.graph.SharingGraph.EdgeKind;
import dev.gemscope.backend.graph.SharingGraph.NodeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sharing-graph tab: the graph of the snapshot (or of one process or buffer), laid out in the
 * background, the selected node and its highlighted neighbourhood, and DOT export.
 */
public final class GraphViewModel {

    /** Graphs above this many nodes are drawn only on request (or narrowed by a focus). */
    public static final int AUTO_LAYOUT_LIMIT = 6000;

    private final TaskExecutor executor;
    private final GraphLayout layout;
    private Function<GraphModel.GNode, double[]> sizer = GraphViewModel::estimateSize;
    private GraphModel full = GraphModel.empty();
    /** What the current focus shows; the layout of it may still be running. */
    private GraphModel wanted = GraphModel.empty();
    private long generation;

    private final ReadOnlyObjectWrapper<GraphModel> shown = new ReadOnlyObjectWrapper<>(this, "shown", GraphModel.empty());
    private final ReadOnlyObjectWrapper<LayoutResult> layoutResult =
            new ReadOnlyObjectWrapper<>(this, "layout", LayoutResult.EMPTY);
    private final ObservableList<FocusChoice> focusChoices = FXCollections.observableArrayList(FocusChoice.ALL);
    private final ObjectProperty<FocusChoice> focus = new SimpleObjectProperty<>(this, "focus", FocusChoice.ALL);
    private final BooleanProperty deviceEdges = new SimpleBooleanProperty(this, "deviceEdges", false);
    private final ReadOnlyObjectWrapper<String> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<GraphModel.Neighbourhood> highlight = new ReadOnlyObjectWrapper<>(this, "highlight");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private Consumer<String> onError = m -> { };
    private boolean updatingChoices;
    private boolean forced;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private SnapshotIndex pendingIndex;
    private boolean building;
    private long buildGeneration;
    private String pendingSelect;
    private String pendingFocus;
    private final ReadOnlyStringWrapper tooBig = new ReadOnlyStringWrapper(this, "tooBig");

    public GraphViewModel(TaskExecutor executor, GraphLayout layout) {
        this.executor = executor;
        this.layout = layout;
        active.addListener((o, a, on) -> {
            if (on) {
                build();
            }
        });
        focus.addListener((o, a, f) -> {
            if (!updatingChoices) {
                relayout();
            }
        });
        deviceEdges.addListener((o, a, b) -> relayout());
    }

    /** Node sizes from the view's font metrics; the default estimates them. */
    public void setSizer(Function<GraphModel.GNode, double[]> sizer) {
        this.sizer = Objects.requireNonNull(sizer);
    }

    public void setOnError(Consumer<String> onError) {
        this.onError = onError;
    }

    static double[] estimateSize(GraphModel.GNode n) {
        int chars = n.lines().stream().mapToInt(String::length).max().orElse(4);
        return new double[] {Math.max(90, chars * 6.6 + 20), n.lines().size() * 15 + 12};
    }

    /**
     * A new snapshot: the graph is rebuilt in the background, now if the graph is on screen, else
     * when it is next shown (building it costs about as much as indexing the snapshot).
     */
    public void show(SnapshotIndex index) {
        pendingIndex = index;
        if (active.get()) {
            build();
        }
    }

    private void build() {
        SnapshotIndex index = pendingIndex;
        if (index == null) {
            return;
        }
        pendingIndex = null;
        building = true;
        long gen = ++buildGeneration;
        executor.execute(new Job<>("Building the sharing graph", p -> GraphModel.of(index), g -> {
            if (gen == buildGeneration) {
                building = false;
                show(g);
            }
        }, e -> {
            building = false;
            onError.accept("Could not build the sharing graph: " + e.getMessage());
        }));
    }

    /** Whether the graph is on screen; set by the main view model. Defaults to true. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Shows a graph built in the background ({@link GraphModel#of} is linear but not free). */
    public void show(GraphModel graph) {
        full = graph;
        forced = false;
        List<FocusChoice> choices = new ArrayList<>();
        choices.add(FocusChoice.ALL);
        for (GraphModel.GNode n : full.nodes()) {
            if (n.kind() == NodeKind.PROCESS) {
                choices.add(new FocusChoice(n.id(), "Process " + String.join(" ", n.lines())));
            }
        }
        for (GraphModel.GNode n : full.nodes()) {
            if (n.kind() == NodeKind.DMA_BUF) {
                choices.add(new FocusChoice(n.id(), n.lines().get(0) + (n.lines().size() > 1 ? " · " + n.lines().get(1) : "")));
            }
        }
        String current = focus.get() == null ? null : focus.get().nodeId();
        updatingChoices = true;
        try {
            // A combo box bound to the focus clears it when its items are replaced.
            focusChoices.setAll(choices);
            focus.set(choices.stream().filter(c -> Objects.equals(c.nodeId(), current)).findFirst()
                    .orElse(FocusChoice.ALL));
        } finally {
            updatingChoices = false;
        }
        String focusOn = pendingFocus;
        String select = pendingSelect;
        pendingFocus = null;
        pendingSelect = null;
        if (focusOn != null) {
            focusOn(focusOn);
        } else {
            relayout();
        }
        if (select != null) {
            select(select);
        }
    }

    private void relayout() {
        FocusChoice f = focus.get();
        GraphModel g = f == null || f.nodeId() == null ? full : full.focus(f.nodeId());
        if (!deviceEdges.get()) {
            g = g.without(EdgeKind.ON_DEVICE);
        }
        GraphModel target = g;
        wanted = target;
        long gen = ++generation;
        if (target.size() > AUTO_LAYOUT_LIMIT && !forced) {
            // Tens of thousands of boxes are neither readable nor cheap to draw: ask first.
            shown.set(GraphModel.empty());
            layoutResult.set(LayoutResult.EMPTY);
            info.set(target.size() + " nodes · " + target.edges().size() + " edges · not drawn");
            tooBig.set("The sharing graph has " + target.size() + " nodes. Pick a process or buffer under Focus "
                    + "to see its part, or draw the whole graph anyway (slow above a few thousand nodes).");
            return;
        }
        tooBig.set(null);
        // Measured here, on the calling (FX) thread: the view's sizer uses font metrics.
        java.util.Map<String, double[]> measured = new java.util.HashMap<>();
        for (GraphModel.GNode n : target.nodes()) {
            measured.put(n.id(), sizer.apply(n));
        }
        Function<GraphModel.GNode, double[]> sizes = n -> measured.get(n.id());
        executor.execute(new Job<>("Laying out the sharing graph (" + target.size() + " nodes)",
                p -> layout.layout(target, sizes), result -> {
                    if (gen == generation) {
                        shown.set(target);
                        layoutResult.set(result);
                        info.set(target.size() + " nodes · " + target.edges().size() + " edges · layout "
                                + result.millis() + " ms");
                        String sel = selected.get();
                        highlight.set(sel != null && target.contains(sel) ? target.neighbourhood(sel) : null);
                    }
                }, e -> onError.accept("Could not lay out the sharing graph: " + e.getMessage())));
    }

    /** Whether the graph of the latest snapshot is built (not waiting for the tab or a job). */
    public boolean isCurrent() {
        return pendingIndex == null && !building;
    }

    /** Selects a node (null clears); leaves a focus that hides it. Deferred while the graph is built. */
    public void select(String nodeId) {
        if (!isCurrent()) {
            pendingSelect = nodeId;
            return;
        }
        if (nodeId != null && !wanted.contains(nodeId) && full.contains(nodeId)) {
            focus.set(FocusChoice.ALL);
        }
        selected.set(nodeId);
        highlight.set(nodeId == null ? null : (wanted.contains(nodeId) ? wanted : full).neighbourhood(nodeId));
    }

    /** Shows only what concerns one node (a process or a buffer, typically). Deferred while built. */
    public void focusOn(String nodeId) {
        if (!isCurrent()) {
            pendingFocus = nodeId;
            return;
        }
        focusChoices.stream().filter(c -> Objects.equals(c.nodeId(), nodeId)).findFirst().ifPresentOrElse(focus::set,
                () -> {
                    GraphModel.GNode n = full.node(nodeId);
                    if (n != null) {
                        FocusChoice c = new FocusChoice(nodeId, String.join(" ", n.lines()));
                        focusChoices.add(c);
                        focus.set(c);
                    }
                });
    }

    public void exportDot(Path file) throws IOException {
        Files.writeString(file, DotWriter.write(shown.get().toSharingGraph()), StandardCharsets.UTF_8);
    }

    /** Draws the whole (focused) graph even when it is larger than {@link #AUTO_LAYOUT_LIMIT}. */
    public void layoutAnyway() {
        forced = true;
        relayout();
    }

    /** Why the graph is not drawn (too many nodes), or null. */
    public ReadOnlyStringProperty tooBigProperty() {
        return tooBig.getReadOnlyProperty();
    }

    public GraphModel full() {
        return full;
    }

    public ReadOnlyObjectProperty<GraphModel> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LayoutResult> layoutProperty() {
        return layoutResult.getReadOnlyProperty();
    }

    public ObservableList<FocusChoice> focusChoices() {
        return focusChoices;
    }

    public ObjectProperty<FocusChoice> focusProperty() {
        return focus;
    }

    public BooleanProperty deviceEdgesProperty() {
        return deviceEdges;
    }

    public ReadOnlyObjectProperty<String> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GraphModel.Neighbourhood> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }
}
