package dev.gemscope.app.graph;

import dev.gemscope.app.main.DialogService;
import dev.gemscope.backend.graph.SharingGraph;
import dev.gemscope.backend.graph.SharingGraph.EdgeKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * The sharing graph tab: a toolbar (focus, device edges, zoom, export), the laid-out graph in a
 * pan/zoom viewport and a legend. Clicking a node selects it and highlights its neighbourhood;
 * double-clicking focuses the graph on it; clicking the background clears the selection.
 */
public final class GraphView extends BorderPane {

    static final Font FONT = Font.font("System", 11);
    static final Font BOLD = Font.font("System", FontWeight.BOLD, 11);
    private static final double LINE_HEIGHT = 14;

    private final GraphViewModel vm;
    private final DialogService dialogs;
    private final Consumer<String> notify;
    private final Group content = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final ZoomPane viewport;
    private final VBox legend = new VBox(3);
    private final Map<String, StackPane> nodeVisuals = new HashMap<>();
    private final Map<SharingGraph.Edge, Group> edgeVisuals = new HashMap<>();
    private boolean fitPending = true;

    public GraphView(GraphViewModel vm, DialogService dialogs, Consumer<String> notify) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.notify = notify;
        setId("graph");
        vm.setSizer(GraphView::measure);
        Rectangle background = new Rectangle(0, 0, 1, 1);
        background.setFill(Color.TRANSPARENT);
        content.getChildren().addAll(background, edgeLayer, nodeLayer);
        viewport = new ZoomPane(content);
        viewport.getStyleClass().add("graph-canvas");
        viewport.setId("graph-viewport");
        viewport.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                vm.select(null);
            }
        });
        legend.getStyleClass().add("graph-legend");
        legend.setId("graph-legend");
        legend.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        legend.setMouseTransparent(true);
        Label info = new Label();
        info.setId("graph-info");
        info.getStyleClass().add("graph-info");
        info.textProperty().bind(vm.infoProperty());
        info.setMouseTransparent(true);
        Label tooBig = new Label();
        tooBig.setId("graph-too-big");
        tooBig.setWrapText(true);
        tooBig.setMaxWidth(460);
        tooBig.textProperty().bind(vm.tooBigProperty());
        Button anyway = new Button("Draw the whole graph");
        anyway.setOnAction(e -> vm.layoutAnyway());
        VBox tooBigBox = new VBox(10, tooBig, anyway);
        tooBigBox.setAlignment(Pos.CENTER);
        tooBigBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        tooBigBox.visibleProperty().bind(vm.tooBigProperty().isNotNull());
        StackPane center = new StackPane(viewport, legend, info, tooBigBox);
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(8));
        StackPane.setAlignment(info, Pos.TOP_RIGHT);
        StackPane.setMargin(info, new Insets(6, 10, 0, 0));
        setTop(toolbar());
        setCenter(center);

        vm.layoutProperty().addListener((o, a, r) -> render(vm.shownProperty().get(), r));
        vm.highlightProperty().addListener((o, a, h) -> applyHighlight());
        vm.selectedProperty().addListener((o, a, id) -> revealSelected());
        viewport.widthProperty().addListener((o, a, w) -> fitIfPending());
        viewport.heightProperty().addListener((o, a, h) -> fitIfPending());
    }

    private Node toolbar() {
        ComboBox<FocusChoice> focus = new ComboBox<>(vm.focusChoices());
        focus.setId("graph-focus");
        focus.valueProperty().bindBidirectional(vm.focusProperty());
        focus.setPrefWidth(230);
        focus.setTooltip(new Tooltip("Show only what concerns one process or buffer (or double-click a node)"));
        CheckBox deviceEdges = new CheckBox("Device edges");
        deviceEdges.setId("graph-device-edges");
        deviceEdges.selectedProperty().bindBidirectional(vm.deviceEdgesProperty());
        deviceEdges.setTooltip(new Tooltip("Also draw 'on device' edges from each client and object to its device "
                + "(the colour shows the device already)"));
        Button out = new Button("−");
        out.setTooltip(new Tooltip("Zoom out (or scroll)"));
        out.setOnAction(e -> viewport.zoomBy(1 / 1.25));
        Button in = new Button("+");
        in.setTooltip(new Tooltip("Zoom in (or scroll)"));
        in.setOnAction(e -> viewport.zoomBy(1.25));
        Button fit = new Button("Fit");
        fit.setId("graph-fit");
        fit.setTooltip(new Tooltip("Whole graph in view"));
        fit.setOnAction(e -> fit());
        Button png = new Button("PNG…");
        png.setId("graph-export-png");
        png.setTooltip(new Tooltip("Export the whole graph as a PNG image"));
        png.setOnAction(e -> dialogs.chooseSaveTarget("Export the graph as PNG", "png", "sharing-graph.png")
                .ifPresent(this::exportPng));
        Button dot = new Button("DOT…");
        dot.setId("graph-export-dot");
        dot.setTooltip(new Tooltip("Export what is shown as Graphviz DOT"));
        dot.setOnAction(e -> dialogs.chooseSaveTarget("Export the graph as Graphviz DOT", "dot", "sharing-graph.dot")
                .ifPresent(this::exportDot));
        // The legend sits over the graph's bottom-left corner; on a tall graph it hides nodes there.
        CheckBox showLegend = new CheckBox("Legend");
        showLegend.setId("graph-show-legend");
        showLegend.setSelected(true);
        legend.visibleProperty().bind(showLegend.selectedProperty());
        Label focusLabel = new Label("Focus");
        Label export = new Label("Export");
        HBox bar = new HBox(6, focusLabel, focus, deviceEdges, showLegend, new Separator(javafx.geometry.Orientation.VERTICAL),
                out, in, fit, new Separator(javafx.geometry.Orientation.VERTICAL), export, png, dot);
        for (Node n : bar.getChildren()) {
            if (n instanceof Region r && n != focus) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        focus.setMinWidth(120);
        HBox.setHgrow(focus, Priority.SOMETIMES);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.getStyleClass().add("tool-bar");
        return bar;
    }

    /** A CSS-safe id for a graph node ("proc:2190" → "node-proc_2190"), for lookups and tests. */
    public static String cssId(String nodeId) {
        return "node-" + nodeId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Box size for a node: its text measured with the graph's fonts, plus padding. */
    static double[] measure(GraphModel.GNode n) {
        double w = 0;
        for (int i = 0; i < n.lines().size(); i++) {
            Text t = new Text(n.lines().get(i));
            t.setFont(i == 0 ? BOLD : FONT);
            w = Math.max(w, t.getLayoutBounds().getWidth());
        }
        return new double[] {Math.ceil(w) + 20, n.lines().size() * LINE_HEIGHT + 12};
    }

    private void render(GraphModel g, LayoutResult r) {
        edgeLayer.getChildren().clear();
        nodeLayer.getChildren().clear();
        nodeVisuals.clear();
        edgeVisuals.clear();
        ((Rectangle) content.getChildren().get(0)).setWidth(Math.max(1, r.width()));
        ((Rectangle) content.getChildren().get(0)).setHeight(Math.max(1, r.height()));
        List<String> keys = vm.full().colorKeys();
        r.edges().forEach((edge, route) -> {
            Group visual = edge(edge, route, g);
            edgeVisuals.put(edge, visual);
            edgeLayer.getChildren().add(visual);
        });
        for (GraphModel.GNode n : g.nodes()) {
            LayoutResult.Box box = r.nodes().get(n.id());
            if (box != null) {
                StackPane visual = node(n, box, GraphStyle.color(n.colorKey(), keys));
                nodeVisuals.put(n.id(), visual);
                nodeLayer.getChildren().add(visual);
            }
        }
        renderLegend(g, keys);
        applyHighlight();
        if (vm.selectedProperty().get() != null && nodeVisuals.containsKey(vm.selectedProperty().get())) {
            revealSelected();
        } else {
            fitPending = true;
            fitIfPending();
        }
    }

    private StackPane node(GraphModel.GNode n, LayoutResult.Box box, Color color) {
        Rectangle shape = new Rectangle(box.width(), box.height());
        shape.setArcWidth(GraphStyle.arc(n.kind()));
        shape.setArcHeight(GraphStyle.arc(n.kind()));
        shape.setFill(GraphStyle.fill(color));
        shape.setStroke(color);
        shape.setStrokeWidth(n.kind() == SharingGraph.NodeKind.DEVICE ? 2.5 : 1.5);
        VBox text = new VBox();
        text.setAlignment(Pos.CENTER);
        for (int i = 0; i < n.lines().size(); i++) {
            Text t = new Text(n.lines().get(i));
            t.setFont(i == 0 ? BOLD : FONT);
            t.setFill(i == 0 ? Color.web("#1A202C") : Color.web("#2D3748"));
            text.getChildren().add(t);
        }
        StackPane visual = new StackPane(shape, text);
        visual.setId(cssId(n.id()));
        visual.getStyleClass().add("graph-node");
        visual.setUserData(n.id());
        visual.relocate(box.x(), box.y());
        visual.setPrefSize(box.width(), box.height());
        visual.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                if (e.getClickCount() == 2) {
                    vm.focusOn(n.id());
                } else {
                    vm.select(n.id());
                }
                e.consume();
            }
        });
        Tooltip.install(visual, new Tooltip(String.join("\n", n.lines()) + "\n(click: details, double-click: focus)"));
        return visual;
    }

    private Group edge(SharingGraph.Edge e, List<LayoutResult.Point> route, GraphModel g) {
        Polyline line = new Polyline();
        for (LayoutResult.Point p : route) {
            line.getPoints().addAll(p.x(), p.y());
        }
        GraphStyle.styleEdge(line, e.kind());
        Group visual = new Group(line);
        if (route.size() >= 2) {
            LayoutResult.Point a = route.get(route.size() - 2);
            LayoutResult.Point b = route.get(route.size() - 1);
            double angle = Math.atan2(b.y() - a.y(), b.x() - a.x());
            double len = 9;
            double spread = Math.toRadians(24);
            Polygon head = new Polygon(b.x(), b.y(),
                    b.x() - len * Math.cos(angle - spread), b.y() - len * Math.sin(angle - spread),
                    b.x() - len * Math.cos(angle + spread), b.y() - len * Math.sin(angle + spread));
            head.setFill(GraphStyle.edgeColor(e.kind()));
            visual.getChildren().add(head);
        }
        String from = g.node(e.from()) == null ? e.from() : String.join(" ", g.node(e.from()).lines());
        String to = g.node(e.to()) == null ? e.to() : String.join(" ", g.node(e.to()).lines());
        Tooltip.install(line, new Tooltip(from + "\n  " + GraphStyle.relation(e.kind())
                + (e.label().isEmpty() ? "" : " (" + e.label() + ")") + "\n" + to));
        return visual;
    }

    private void renderLegend(GraphModel g, List<String> keys) {
        legend.getChildren().clear();
        Label title = new Label("Colour: device / exporter");
        title.setStyle("-fx-font-weight: bold;");
        legend.getChildren().add(title);
        legend.getChildren().add(swatch(GraphStyle.PROCESS, "process"));
        for (String k : keys) {
            legend.getChildren().add(swatch(GraphStyle.color(k, keys), vm.full().colorLabel(k)));
        }
        Label lines = new Label("Line: relation");
        lines.setStyle("-fx-font-weight: bold; -fx-padding: 4 0 0 0;");
        legend.getChildren().add(lines);
        java.util.Set<EdgeKind> present = java.util.EnumSet.noneOf(EdgeKind.class);
        g.edges().forEach(e -> present.add(e.kind()));
        for (EdgeKind k : EdgeKind.values()) {
            if (present.contains(k)) {
                Line sample = new Line(0, 0, 28, 0);
                GraphStyle.styleEdge(sample, k);
                HBox row = new HBox(6, sample, new Label(GraphStyle.relation(k)));
                row.setAlignment(Pos.CENTER_LEFT);
                legend.getChildren().add(row);
            }
        }
    }

    private static HBox swatch(Color c, String text) {
        Rectangle r = new Rectangle(14, 10);
        r.setFill(GraphStyle.fill(c));
        r.setStroke(c);
        HBox row = new HBox(6, r, new Label(text));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void applyHighlight() {
        GraphModel.Neighbourhood h = vm.highlightProperty().get();
        String selected = vm.selectedProperty().get();
        nodeVisuals.forEach((id, v) -> {
            v.setOpacity(h == null || h.nodes().contains(id) ? 1 : 0.18);
            Rectangle shape = (Rectangle) v.getChildren().get(0);
            shape.setEffect(id.equals(selected) ? new javafx.scene.effect.DropShadow(12, Color.web("#D69E2E")) : null);
            if (id.equals(selected)) {
                v.toFront();
            }
        });
        edgeVisuals.forEach((e, v) -> v.setOpacity(h == null ? 1 : h.edges().contains(e) ? 1 : 0.08));
        if (h != null) {
            edgeVisuals.forEach((e, v) -> {
                if (h.edges().contains(e)) {
                    v.toFront();
                }
            });
        }
    }

    private void revealSelected() {
        String id = vm.selectedProperty().get();
        StackPane v = id == null ? null : nodeVisuals.get(id);
        if (v != null) {
            fitPending = false;
            double x = v.getLayoutX() + v.getPrefWidth() / 2;
            double y = v.getLayoutY() + v.getPrefHeight() / 2;
            if (!viewport.shows(x, y) || viewport.scale() < 0.6) {
                viewport.centerOn(x, y, 0.8);
            }
        }
    }

    private void fitIfPending() {
        if (fitPending && viewport.getWidth() > 0 && viewport.getHeight() > 0) {
            fit();
            fitPending = false;
        }
    }

    private void fit() {
        LayoutResult r = vm.layoutProperty().get();
        viewport.fit(r.width(), r.height());
    }

    /** Writes the whole graph (not just the viewport) as a PNG, at up to 2× for sharp text. */
    public void exportPng(Path file) {
        LayoutResult r = vm.layoutProperty().get();
        double scale = Math.min(2, 8000 / Math.max(1, Math.max(r.width(), r.height())));
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(scale, scale));
        List<Transform> saved = List.copyOf(content.getTransforms());
        content.getTransforms().clear();
        WritableImage image;
        try {
            image = content.snapshot(params, null);
        } finally {
            content.getTransforms().setAll(saved);
        }
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            notify.accept("Exported the graph to " + file);
        } catch (IOException e) {
            notify.accept("Could not write " + file + ": " + e.getMessage());
        }
    }

    private void exportDot(Path file) {
        try {
            vm.exportDot(file);
            notify.accept("Exported the graph to " + file + " (render with: dot -Tsvg " + file.getFileName() + ")");
        } catch (IOException e) {
            notify.accept("Could not write " + file + ": " + e.getMessage());
        }
    }

    /** The viewport (for tests and screenshots). */
    Node viewport() {
        return viewport;
    }
}
