package dev.gemscope.app.graph;

import dev.gemscope.backend.graph.SharingGraph;
import java.util.List;
import java.util.Map;

/**
 * Where a layout put everything, in graph coordinates (pixels at 100 % zoom).
 *
 * @param nodes box of each node by id
 * @param edges route of each edge: start, bend points, end
 * @param width total width
 * @param height total height
 * @param millis how long the layout took
 */
public record LayoutResult(Map<String, Box> nodes, Map<SharingGraph.Edge, List<Point>> edges, double width,
        double height, long millis) {

    public static final LayoutResult EMPTY = new LayoutResult(Map.of(), Map.of(), 0, 0, 0);

    /** A node's box. */
    public record Box(double x, double y, double width, double height) {
        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }
    }

    /** A point on an edge's route. */
    public record Point(double x, double y) {
    }
}
