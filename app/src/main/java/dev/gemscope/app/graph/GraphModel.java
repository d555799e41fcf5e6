package dev.gemscope.app.graph;

import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.graph.SharingGraph;
import dev.gemscope.backend.graph.SharingGraph.EdgeKind;
import dev.gemscope.backend.graph.SharingGraph.NodeKind;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.DrmClient;
import dev.gemscope.backend.model.GemObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The sharing graph as the graph tab draws it: the backend's {@link SharingGraph} with display
 * lines and a colour key per node (its device, or the dma-buf's exporter), and the sub-graphs the
 * tab filters to. Immutable.
 */
public final class GraphModel {

    /**
     * A node.
     *
     * @param node the backend node (id, kind, label)
     * @param lines the text drawn in the box
     * @param colorKey what its colour stands for: a device id, an exporter name, or "process"
     */
    public record GNode(SharingGraph.Node node, List<String> lines, String colorKey) {
        public String id() {
            return node.id();
        }

        public NodeKind kind() {
            return node.kind();
        }
    }

    private final Map<String, GNode> nodes;
    private final List<SharingGraph.Edge> edges;
    private final Map<String, String> colorLabels;
    private final Map<String, List<SharingGraph.Edge>> out = new HashMap<>();
    private final Map<String, List<SharingGraph.Edge>> in = new HashMap<>();

    private GraphModel(Map<String, GNode> nodes, List<SharingGraph.Edge> edges, Map<String, String> colorLabels) {
        this.nodes = nodes;
        this.colorLabels = colorLabels;
        this.edges = List.copyOf(edges);
        for (SharingGraph.Edge e : edges) {
            out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
            in.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }
    }

    public static GraphModel empty() {
        return new GraphModel(Map.of(), List.of(), Map.of());
    }

    /** The graph of a snapshot. */
    public static GraphModel of(SnapshotIndex index) {
        SharingGraph g = SharingGraph.of(index.snapshot());
        Map<String, GNode> nodes = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (SharingGraph.Node n : g.nodes()) {
            GNode gn = new GNode(n, lines(n, index), colorKey(n, index));
            nodes.put(n.id(), gn);
            labels.computeIfAbsent(gn.colorKey(), k -> colorLabel(k, index));
        }
        return new GraphModel(nodes, g.edges(), labels);
    }

    private static List<String> lines(SharingGraph.Node n, SnapshotIndex index) {
        String rest = n.id().substring(n.id().indexOf(':') + 1);
        switch (n.kind()) {
            case CLIENT -> {
                String[] pidFd = rest.split(":");
                for (DrmClient c : index.clientsOf(Integer.parseInt(pidFd[0]))) {
                    if (c.fd() == Integer.parseInt(pidFd[1])) {
                        return List.of(c.node() + " · fd " + c.fd(),
                                c.clientId() == null ? "no client id" : "client " + c.clientId()
                                        + (c.clientName() == null ? "" : " " + c.clientName()));
                    }
                }
            }
            case DEVICE -> {
                var d = index.device(rest);
                if (d != null && d.driver() != null) {
                    return List.of(d.driver(), d.id());
                }
                return List.of("device", rest);
            }
            case GEM_OBJECT -> {
                GemObject o = index.object(rest);
                if (o != null) {
                    List<String> l = new ArrayList<>(List.of(n.label().split("\\\\n")));
                    // The device is the colour; the rest of the id tells objects apart.
                    String id = o.deviceId() != null && o.id().startsWith(o.deviceId() + "/")
                            ? o.id().substring(o.deviceId().length() + 1) : o.id();
                    l.add(id);
                    return l;
                }
            }
            default -> {
            }
        }
        return List.of(n.label().split("\\\\n"));
    }

    private static String colorKey(SharingGraph.Node n, SnapshotIndex index) {
        String rest = n.id().substring(n.id().indexOf(':') + 1);
        return switch (n.kind()) {
            case PROCESS -> "process";
            case DEVICE -> rest;
            case CLIENT -> {
                String[] pidFd = rest.split(":");
                yield index.clientsOf(Integer.parseInt(pidFd[0])).stream()
                        .filter(c -> c.fd() == Integer.parseInt(pidFd[1]) && c.deviceId() != null)
                        .map(DrmClient::deviceId).findFirst().orElse("unknown device");
            }
            case GEM_OBJECT -> {
                GemObject o = index.object(rest);
                yield o == null || o.deviceId() == null ? "unknown device" : o.deviceId();
            }
            case DMA_BUF -> {
                DmaBuf b = index.buffer(rest);
                if (b == null) {
                    yield "unknown exporter";
                }
                yield b.exporterDeviceId() != null ? b.exporterDeviceId() : "exporter " + b.exporter();
            }
        };
    }

    private static String colorLabel(String key, SnapshotIndex index) {
        if (key.startsWith("exporter ")) {
            return key.substring("exporter ".length()) + " (exporter)";
        }
        var d = index.device(key);
        return d == null || d.driver() == null ? key : d.driver() + " " + d.id();
    }

    /** What a colour key stands for, for the legend: "i915 0000:00:02.0", "udmabuf (exporter)". */
    public String colorLabel(String key) {
        return colorLabels.getOrDefault(key, key);
    }

    public Collection<GNode> nodes() {
        return nodes.values();
    }

    public List<SharingGraph.Edge> edges() {
        return edges;
    }

    public GNode node(String id) {
        return nodes.get(id);
    }

    public boolean contains(String id) {
        return nodes.containsKey(id);
    }

    public int size() {
        return nodes.size();
    }

    /** The backend graph of what is shown, for DOT export. */
    public SharingGraph toSharingGraph() {
        return new SharingGraph(nodes.values().stream().map(GNode::node).toList(), edges);
    }

    /** The node, its direct neighbours and the edges between them: what a click highlights. */
    public Neighbourhood neighbourhood(String id) {
        Set<String> ids = new LinkedHashSet<>();
        Set<SharingGraph.Edge> touching = new LinkedHashSet<>();
        if (nodes.containsKey(id)) {
            ids.add(id);
            for (SharingGraph.Edge e : out.getOrDefault(id, List.of())) {
                ids.add(e.to());
                touching.add(e);
            }
            for (SharingGraph.Edge e : in.getOrDefault(id, List.of())) {
                ids.add(e.from());
                touching.add(e);
            }
        }
        return new Neighbourhood(ids, touching);
    }

    /** Highlighted nodes and edges. */
    public record Neighbourhood(Set<String> nodes, Set<SharingGraph.Edge> edges) {
    }

    /**
     * The part of the graph about one node: everything upstream of it (who holds it), everything
     * downstream (what it leads to), and who else holds the GEM objects downstream (the importers'
     * clients and processes). Devices do not pull in their other users.
     */
    public GraphModel focus(String id) {
        if (!nodes.containsKey(id)) {
            return this;
        }
        Set<String> keep = new LinkedHashSet<>();
        keep.addAll(walk(Set.of(id), e -> out.getOrDefault(e, List.of()), SharingGraph.Edge::to));
        keep.addAll(walk(Set.of(id), e -> in.getOrDefault(e, List.of()), SharingGraph.Edge::from));
        Set<String> objects = new LinkedHashSet<>();
        for (String k : keep) {
            if (nodes.get(k).kind() == NodeKind.GEM_OBJECT || nodes.get(k).kind() == NodeKind.DMA_BUF) {
                objects.add(k);
            }
        }
        keep.addAll(walk(objects, e -> in.getOrDefault(e, List.of()), SharingGraph.Edge::from));
        Map<String, GNode> sub = new LinkedHashMap<>();
        nodes.forEach((k, v) -> {
            if (keep.contains(k)) {
                sub.put(k, v);
            }
        });
        return new GraphModel(sub, edges.stream().filter(e -> keep.contains(e.from()) && keep.contains(e.to())).toList(),
                colorLabels);
    }

    /** Without the edges of one kind (e.g. ON_DEVICE, which colour already shows). */
    public GraphModel without(EdgeKind kind) {
        return new GraphModel(new LinkedHashMap<>(nodes), edges.stream().filter(e -> e.kind() != kind).toList(),
                colorLabels);
    }

    private Set<String> walk(Set<String> start, Function<String, List<SharingGraph.Edge>> next,
            Function<SharingGraph.Edge, String> other) {
        Set<String> seen = new LinkedHashSet<>(start);
        Deque<String> pending = new ArrayDeque<>(start);
        while (!pending.isEmpty()) {
            String n = pending.pop();
            for (SharingGraph.Edge e : next.apply(n)) {
                String m = other.apply(e);
                if (nodes.containsKey(m) && seen.add(m)) {
                    pending.push(m);
                }
            }
        }
        return seen;
    }

    /** Distinct colour keys in node order, devices first: the legend. */
    public List<String> colorKeys() {
        Set<String> keys = new LinkedHashSet<>();
        nodes.values().stream().filter(n -> n.kind() == NodeKind.DEVICE).forEach(n -> keys.add(n.colorKey()));
        nodes.values().forEach(n -> keys.add(n.colorKey()));
        keys.remove("process");
        return List.copyOf(keys);
    }
}
