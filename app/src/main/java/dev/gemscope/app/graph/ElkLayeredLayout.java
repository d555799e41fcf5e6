package dev.gemscope.app.graph;

import dev.gemscope.backend.graph.SharingGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Eclipse ELK's layered (Sugiyama) algorithm, left to right in six columns: processes, DRM clients,
 * GEM objects, dma-bufs, importing GEM objects, devices; orthogonal edge routes.
 */
public final class ElkLayeredLayout implements GraphLayout {

    static {
        // Outside Eclipse nothing registers the algorithm; do it once per class loader.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** The column (ELK partition) of a node. */
    static int column(GraphModel.GNode n, Set<String> importers) {
        return switch (n.kind()) {
            case PROCESS -> 0;
            case CLIENT -> 1;
            case GEM_OBJECT -> importers.contains(n.id()) ? 4 : 2;
            case DMA_BUF -> 3;
            case DEVICE -> 5;
        };
    }

    @Override
    public LayoutResult layout(GraphModel graph, Function<GraphModel.GNode, double[]> size) {
        long start = System.nanoTime();
        if (graph.size() == 0) {
            return LayoutResult.EMPTY;
        }
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(24));
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 16.0);
        root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 6.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 10.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 50.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 8.0);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, 40.0);
        if (graph.size() > 1500) {
            // Big graphs: fewer crossing-minimisation sweeps keep the layout in seconds.
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
        }
        // Partitions keep the reading order of the layers: processes, clients, GEM objects,
        // dma-bufs, importing GEM objects, devices, even for nodes with no edge to their neighbours.
        root.setProperty(CoreOptions.PARTITIONING_ACTIVATE, true);
        Set<String> importers = new HashSet<>();
        graph.edges().stream().filter(e -> e.kind() == SharingGraph.EdgeKind.IMPORTS).forEach(e -> importers.add(e.to()));
        Map<String, ElkNode> elkNodes = new HashMap<>();
        for (GraphModel.GNode n : graph.nodes()) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setIdentifier(n.id());
            double[] wh = size.apply(n);
            e.setDimensions(wh[0], wh[1]);
            e.setProperty(CoreOptions.PARTITIONING_PARTITION, column(n, importers));
            elkNodes.put(n.id(), e);
        }
        Map<SharingGraph.Edge, ElkEdge> elkEdges = new LinkedHashMap<>();
        for (SharingGraph.Edge e : graph.edges()) {
            ElkNode from = elkNodes.get(e.from());
            ElkNode to = elkNodes.get(e.to());
            if (from != null && to != null && from != to) {
                elkEdges.put(e, ElkGraphUtil.createSimpleEdge(from, to));
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, LayoutResult.Box> boxes = new LinkedHashMap<>();
        elkNodes.forEach((id, n) -> boxes.put(id, new LayoutResult.Box(n.getX(), n.getY(), n.getWidth(), n.getHeight())));
        Map<SharingGraph.Edge, List<LayoutResult.Point>> routes = new LinkedHashMap<>();
        elkEdges.forEach((e, elk) -> {
            List<LayoutResult.Point> points = new ArrayList<>();
            for (ElkEdgeSection s : elk.getSections()) {
                points.add(new LayoutResult.Point(s.getStartX(), s.getStartY()));
                for (ElkBendPoint b : s.getBendPoints()) {
                    points.add(new LayoutResult.Point(b.getX(), b.getY()));
                }
                points.add(new LayoutResult.Point(s.getEndX(), s.getEndY()));
            }
            routes.put(e, points);
        });
        return new LayoutResult(boxes, routes, root.getWidth(), root.getHeight(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
