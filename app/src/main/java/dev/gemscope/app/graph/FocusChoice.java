package dev.gemscope.app.graph;

/**
 * An entry of the graph's focus list.
 *
 * @param nodeId the node to focus on, or null for the whole graph
 * @param label "Process sway [2190]", "dma-buf ino 57"
 */
public record FocusChoice(String nodeId, String label) {

    public static final FocusChoice ALL = new FocusChoice(null, "Whole graph");

    @Override
    public String toString() {
        return label;
    }
}
