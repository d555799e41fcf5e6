package dev.gemscope.app.graph;

import java.util.function.Function;

/** Places a graph's nodes and routes its edges. Pure and thread-safe: runs in the background. */
public interface GraphLayout {

    /**
     * @param graph what to lay out
     * @param size width and height of each node's box
     */
    LayoutResult layout(GraphModel graph, Function<GraphModel.GNode, double[]> size);
}
