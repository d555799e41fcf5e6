package dev.gemscope.backend.graph;

import java.util.Map;

/** Renders a {@link SharingGraph} as Graphviz DOT. */
public final class DotWriter {

    private static final Map<SharingGraph.NodeKind, String> SHAPES = Map.of(
            SharingGraph.NodeKind.PROCESS, "shape=box, style=rounded",
            SharingGraph.NodeKind.CLIENT, "shape=box",
            SharingGraph.NodeKind.GEM_OBJECT, "shape=ellipse",
            SharingGraph.NodeKind.DMA_BUF, "shape=note",
            SharingGraph.NodeKind.DEVICE, "shape=box3d");

    private DotWriter() {
    }

    public static String write(SharingGraph graph) {
        StringBuilder dot = new StringBuilder("digraph gemscope {\n  rankdir=LR;\n  node [fontname=\"sans\"];\n");
        for (SharingGraph.Node n : graph.nodes()) {
            dot.append("  ").append(quote(n.id())).append(" [label=").append(quoteLabel(n.label()))
                    .append(", ").append(SHAPES.get(n.kind())).append("];\n");
        }
        for (SharingGraph.Edge e : graph.edges()) {
            String label = e.kind().name().toLowerCase().replace('_', ' ')
                    + (e.label().isEmpty() ? "" : " " + e.label());
            dot.append("  ").append(quote(e.from())).append(" -> ").append(quote(e.to()))
                    .append(" [label=").append(quote(label)).append("];\n");
        }
        return dot.append("}\n").toString();
    }

    /** A DOT quoted ID: backslashes and quotes escaped, newlines dropped. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }

    /** Like {@link #quote} but keeps the {@code \n} line breaks our labels use. */
    private static String quoteLabel(String s) {
        String[] lines = s.split("\\\\n", -1);
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("\\n");
            }
            out.append(lines[i].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " "));
        }
        return out.append('"').toString();
    }
}
