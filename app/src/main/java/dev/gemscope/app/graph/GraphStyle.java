package dev.gemscope.app.graph;

import dev.gemscope.backend.graph.SharingGraph.EdgeKind;
import dev.gemscope.backend.graph.SharingGraph.NodeKind;
import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.shape.Shape;

/** Colours by device or exporter, strokes by edge relation: one place for the graph's look. */
final class GraphStyle {

    /** Distinguishable on white and for the common colour-vision deficiencies (Okabe–Ito order). */
    private static final List<Color> PALETTE = List.of(Color.web("#0072B2"), Color.web("#009E73"),
            Color.web("#D55E00"), Color.web("#CC79A7"), Color.web("#E69F00"), Color.web("#56B4E9"),
            Color.web("#8C6D31"), Color.web("#6A3D9A"));
    static final Color PROCESS = Color.web("#4A5568");

    private GraphStyle() {
    }

    static Color color(String colorKey, List<String> keys) {
        if ("process".equals(colorKey)) {
            return PROCESS;
        }
        int i = keys.indexOf(colorKey);
        return PALETTE.get(Math.floorMod(i < 0 ? colorKey.hashCode() : i, PALETTE.size()));
    }

    static Color fill(Color c) {
        return Color.WHITE.interpolate(c, 0.16);
    }

    static double arc(NodeKind kind) {
        return switch (kind) {
            case PROCESS -> 18;
            case CLIENT -> 4;
            case GEM_OBJECT -> 30;
            case DMA_BUF -> 0;
            case DEVICE -> 8;
        };
    }

    static String relation(EdgeKind kind) {
        return switch (kind) {
            case OPENS -> "opens (DRM fd)";
            case ON_DEVICE -> "on device";
            case OWNS -> "owns (handle)";
            case EXPORTS -> "exports as dma-buf";
            case IMPORTS -> "imported as";
            case HOLDS_FD -> "holds dma-buf fd";
            case MAPS -> "maps (mmap)";
            case ATTACHED_TO -> "attached to device";
        };
    }

    static void styleEdge(Shape line, EdgeKind kind) {
        line.setFill(null);
        line.getStrokeDashArray().clear();
        switch (kind) {
            case OPENS -> stroke(line, "#4A5568", 1.4);
            case ON_DEVICE -> {
                stroke(line, "#A0AEC0", 1.0);
                line.getStrokeDashArray().setAll(2.0, 3.0);
            }
            case OWNS -> stroke(line, "#2D3748", 1.6);
            case EXPORTS -> stroke(line, "#0072B2", 2.6);
            case IMPORTS -> {
                stroke(line, "#0072B2", 2.6);
                line.getStrokeDashArray().setAll(9.0, 4.0);
            }
            case HOLDS_FD -> stroke(line, "#D55E00", 2.0);
            case MAPS -> {
                stroke(line, "#D55E00", 2.0);
                line.getStrokeDashArray().setAll(3.0, 3.0);
            }
            case ATTACHED_TO -> {
                stroke(line, "#6A3D9A", 2.0);
                line.getStrokeDashArray().setAll(7.0, 3.0, 2.0, 3.0);
            }
        }
    }

    static Color edgeColor(EdgeKind kind) {
        return switch (kind) {
            case OPENS -> Color.web("#4A5568");
            case ON_DEVICE -> Color.web("#A0AEC0");
            case OWNS -> Color.web("#2D3748");
            case EXPORTS, IMPORTS -> Color.web("#0072B2");
            case HOLDS_FD, MAPS -> Color.web("#D55E00");
            case ATTACHED_TO -> Color.web("#6A3D9A");
        };
    }

    private static void stroke(Shape s, String color, double width) {
        s.setStroke(Color.web(color));
        s.setStrokeWidth(width);
    }
}
