package dev.gemscope.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.graph.SharingGraph.NodeKind;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

    private final GraphModel graph = GraphModel.of(new SnapshotIndex(TestData.demo()));
    private final LayoutResult layout = new LayeredLayout().layout(graph, n -> new double[] {120, 40});

    @Test
    void everyNodeAndEdgeIsPlaced() {
        assertEquals(graph.size(), layout.nodes().size());
        assertEquals(graph.edges().size(), layout.edges().size());
        layout.edges().values().forEach(route -> assertTrue(route.size() >= 2));
    }

    @Test
    void processesAreLeftOfClientsAndDevicesRightOfEverything() {
        double maxProcess = maxX(NodeKind.PROCESS);
        double minDevice = Double.MAX_VALUE;
        for (GraphModel.GNode n : graph.nodes()) {
            if (n.kind() == NodeKind.DEVICE) {
                minDevice = Math.min(minDevice, layout.nodes().get(n.id()).x());
            }
        }
        for (GraphModel.GNode n : graph.nodes()) {
            double x = layout.nodes().get(n.id()).x();
            if (n.kind() != NodeKind.PROCESS) {
                assertTrue(x > maxProcess, n.id() + " is right of the processes");
            }
            if (n.kind() != NodeKind.DEVICE) {
                assertTrue(x < minDevice, n.id() + " is left of the devices");
            }
        }
    }

    @Test
    void nodesDoNotOverlap() {
        var boxes = layout.nodes().values().stream().toList();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                var a = boxes.get(i);
                var b = boxes.get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                        || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertTrue(apart, a + " overlaps " + b);
            }
        }
    }

    private double maxX(NodeKind kind) {
        return graph.nodes().stream().filter(n -> n.kind() == kind)
                .mapToDouble(n -> layout.nodes().get(n.id()).x()).max().orElse(0);
    }
}
