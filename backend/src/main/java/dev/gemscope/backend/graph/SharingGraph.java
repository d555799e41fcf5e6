package dev.gemscope.backend.graph;

import dev.gemscope.backend.model.Attachment;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.DrmClient;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.model.ProcessInfo;
import dev.gemscope.backend.model.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sharing graph of a snapshot: process → DRM client → GEM object → dma-buf → importing device,
 * plus the direct process → dma-buf edges of fds and mappings. Nodes and edges come out in the
 * snapshot's deterministic order, so DOT and JSON renderings are stable.
 */
public record SharingGraph(List<Node> nodes, List<Edge> edges) {

    public SharingGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The kinds of node. */
    public enum NodeKind { PROCESS, CLIENT, GEM_OBJECT, DMA_BUF, DEVICE }

    /** The kinds of edge, named for what the source does to the target. */
    public enum EdgeKind { OPENS, ON_DEVICE, OWNS, EXPORTS, IMPORTS, HOLDS_FD, MAPS, ATTACHED_TO }

    /** A node with a stable id ({@code proc:1200}, {@code buf:ino:12}) and a display label. */
    public record Node(String id, NodeKind kind, String label) {
    }

    /** A directed edge; {@code label} carries detail such as the fd number. */
    public record Edge(String from, String to, EdgeKind kind, String label) {
    }

    /** Builds the graph of a snapshot. */
    public static SharingGraph of(Snapshot snapshot) {
        Builder b = new Builder();
        Map<Integer, String> comms = new LinkedHashMap<>();
        for (ProcessInfo p : snapshot.processes()) {
            comms.put(p.pid(), p.comm());
        }
        for (DrmDevice d : snapshot.devices()) {
            b.node(deviceId(d.id()), NodeKind.DEVICE, d.id() + (d.driver() == null ? "" : " (" + d.driver() + ")"));
        }
        for (DrmClient c : snapshot.clients()) {
            String proc = b.process(c.pid(), comms.getOrDefault(c.pid(), c.comm()));
            String client = clientId(c.pid(), c.fd());
            b.node(client, NodeKind.CLIENT, c.node() + (c.clientId() == null ? "" : " client " + c.clientId()));
            b.edge(proc, client, EdgeKind.OPENS, "fd " + c.fd());
            if (c.deviceId() != null) {
                b.edge(client, b.device(c.deviceId()), EdgeKind.ON_DEVICE, "");
            }
        }
        for (DmaBuf buf : snapshot.dmaBufs()) {
            b.node(bufId(buf.key()), NodeKind.DMA_BUF, bufLabel(buf));
        }
        // Indexed once: looking owners up by scanning every client is quadratic at 100k objects.
        Map<Integer, List<DrmClient>> clientsByPid = new java.util.HashMap<>();
        snapshot.clients().forEach(c -> clientsByPid.computeIfAbsent(c.pid(), k -> new ArrayList<>()).add(c));
        for (GemObject o : snapshot.gemObjects()) {
            String obj = "gem:" + o.id();
            b.node(obj, NodeKind.GEM_OBJECT, objectLabel(o));
            String owner = ownerOf(o, clientsByPid);
            if (owner != null) {
                b.edge(owner, obj, EdgeKind.OWNS, o.handle() == null ? "" : "handle " + o.handle());
            }
            if (o.deviceId() != null) {
                b.edge(obj, b.device(o.deviceId()), EdgeKind.ON_DEVICE, "");
            }
            if (o.dmaBufKey() != null) {
                String buf = bufId(o.dmaBufKey());
                if (o.role() == GemObject.Role.EXPORTER) {
                    b.edge(obj, buf, EdgeKind.EXPORTS, "");
                } else if (o.role() == GemObject.Role.IMPORTER) {
                    b.edge(buf, obj, EdgeKind.IMPORTS, "");
                }
            }
        }
        for (Attachment a : snapshot.attachments()) {
            String dev = b.device(a.deviceId() != null ? a.deviceId() : a.deviceName());
            b.edge(bufId(a.dmaBufKey()), dev, EdgeKind.ATTACHED_TO, "");
        }
        for (Holder h : snapshot.holders()) {
            if (h.kind() == Holder.Kind.DMABUF && h.dmaBufKey() != null) {
                b.edge(b.process(h.pid(), comms.get(h.pid())), bufId(h.dmaBufKey()), EdgeKind.HOLDS_FD, "fd " + h.fd());
            }
        }
        for (Mapping m : snapshot.mappings()) {
            if (m.dmaBufKey() != null) {
                b.edge(b.process(m.pid(), comms.get(m.pid())), bufId(m.dmaBufKey()), EdgeKind.MAPS,
                        Long.toHexString(m.start()));
            }
        }
        return new SharingGraph(new ArrayList<>(b.nodes.values()), new ArrayList<>(b.edges));
    }

    private static String ownerOf(GemObject o, Map<Integer, List<DrmClient>> clientsByPid) {
        if (o.ownerPid() == null) {
            return null;
        }
        for (DrmClient c : clientsByPid.getOrDefault(o.ownerPid(), List.of())) {
            boolean sameClient = o.clientId() != null ? o.clientId().equals(c.clientId()) && o.deviceId() != null
                    && o.deviceId().equals(c.deviceId()) : o.deviceId() != null && o.deviceId().equals(c.deviceId());
            if (c.pid() == o.ownerPid() && sameClient) {
                return clientId(c.pid(), c.fd());
            }
        }
        return "proc:" + o.ownerPid();
    }

    static String clientId(int pid, int fd) {
        return "client:" + pid + ":" + fd;
    }

    static String bufId(String key) {
        return "buf:" + key;
    }

    static String deviceId(String id) {
        return "dev:" + id;
    }

    private static String bufLabel(DmaBuf buf) {
        StringBuilder s = new StringBuilder("dma-buf ");
        s.append(buf.ino() != null ? "ino " + buf.ino() : buf.key());
        s.append("\\n").append(Sizes.human(buf.size())).append(' ').append(buf.exporter());
        if (buf.name() != null) {
            s.append("\\n\"").append(buf.name()).append('"');
        }
        return s.toString();
    }

    private static String objectLabel(GemObject o) {
        StringBuilder s = new StringBuilder("GEM ").append(o.backing().name().toLowerCase());
        if (o.flinkName() != null) {
            s.append(" flink ").append(o.flinkName());
        }
        if (o.handle() != null) {
            s.append(" handle ").append(o.handle());
        }
        if (o.size() != null) {
            s.append("\\n").append(Sizes.human(o.size()));
        }
        return s.toString();
    }

    /** Collects nodes once each, edges once each, in insertion order. */
    private static final class Builder {
        final Map<String, Node> nodes = new LinkedHashMap<>();
        final Set<Edge> edges = new LinkedHashSet<>();

        void node(String id, NodeKind kind, String label) {
            nodes.putIfAbsent(id, new Node(id, kind, label));
        }

        String process(int pid, String comm) {
            String id = "proc:" + pid;
            node(id, NodeKind.PROCESS, (comm == null ? "?" : comm) + " [" + pid + "]");
            return id;
        }

        String device(String name) {
            String id = deviceId(name);
            node(id, NodeKind.DEVICE, name);
            return id;
        }

        void edge(String from, String to, EdgeKind kind, String label) {
            edges.add(new Edge(from, to, kind, label));
        }
    }
}
