package dev.gemscope.app.graph;

import dev.gemscope.backend.graph.SharingGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A Sugiyama-style layered layout for the sharing graph, left to right. The layers are known
 * beforehand — processes, DRM clients, GEM objects, dma-bufs, importing GEM objects, devices — so
 * the steps are: split long edges with dummy nodes; order each layer by barycentre sweeps (keeping
 * the ordering with the fewest crossings, connected components kept together); place nodes
 * vertically as close to their neighbours as the order allows (isotonic regression per layer);
 * route edges orthogonally with their vertical parts on separate tracks between the layers.
 * Linear in the graph size per sweep: thousands of nodes take milliseconds.
 */
public final class LayeredLayout implements GraphLayout {

    static final double PAD = 24;
    static final double NODE_GAP = 14;
    static final double COMPONENT_GAP = 34;
    static final double DUMMY_GAP = 6;
    static final double GAP_MARGIN = 18;
    static final double TRACK = 7;
    static final int SWEEPS = 12;
    /** Beyond this many vertical tracks in one gap, segments share tracks (a hub like a device). */
    static final int MAX_TRACKS = 14;
    static final int PLACEMENT_ROUNDS = 8;

    /** A node or a dummy (one bend of a long edge) in one layer. */
    private static final class V {
        final String id;
        final boolean dummy;
        final int layer;
        final double w;
        final double h;
        final int seq;
        int comp;
        int pos;
        double y;
        final List<V> left = new ArrayList<>();
        final List<V> right = new ArrayList<>();

        V(String id, boolean dummy, int layer, double w, double h, int seq) {
            this.id = id;
            this.dummy = dummy;
            this.layer = layer;
            this.w = w;
            this.h = h;
            this.seq = seq;
        }

        double center() {
            return y + h / 2;
        }
    }

    /** The layer of a node: six columns in the order the issue reads the sharing chain. */
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
        Set<String> importers = new HashSet<>();
        graph.edges().stream().filter(e -> e.kind() == SharingGraph.EdgeKind.IMPORTS).forEach(e -> importers.add(e.to()));
        TreeSet<Integer> used = new TreeSet<>();
        graph.nodes().forEach(n -> used.add(column(n, importers)));
        Map<Integer, Integer> layerOf = new HashMap<>();
        used.forEach(c -> layerOf.put(c, layerOf.size()));
        int layers = layerOf.size();

        Map<String, V> real = new LinkedHashMap<>();
        int seq = 0;
        for (GraphModel.GNode n : graph.nodes()) {
            double[] wh = size.apply(n);
            real.put(n.id(), new V(n.id(), false, layerOf.get(column(n, importers)), wh[0], wh[1], seq++));
        }
        assignComponents(graph, real);

        // Long edges become chains through one dummy per layer crossed.
        Map<SharingGraph.Edge, List<V>> chains = new LinkedHashMap<>();
        List<List<V>> layer = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            layer.add(new ArrayList<>());
        }
        real.values().forEach(v -> layer.get(v.layer).add(v));
        for (SharingGraph.Edge e : graph.edges()) {
            V a = real.get(e.from());
            V b = real.get(e.to());
            if (a == null || b == null || a == b) {
                continue;
            }
            List<V> chain = new ArrayList<>();
            chain.add(a);
            if (a.layer < b.layer) {
                for (int l = a.layer + 1; l < b.layer; l++) {
                    V d = new V(e.from() + "->" + e.to() + "#" + l, true, l, 0, 2, a.seq);
                    d.comp = a.comp;
                    layer.get(l).add(d);
                    chain.add(d);
                }
                chain.add(b);
                for (int i = 0; i + 1 < chain.size(); i++) {
                    chain.get(i).right.add(chain.get(i + 1));
                    chain.get(i + 1).left.add(chain.get(i));
                }
            } else {
                chain.add(b);
            }
            chains.put(e, chain);
        }

        order(layer);
        place(layer);
        return route(graph, layer, chains, real, (System.nanoTime() - start) / 1_000_000);
    }

    // ---- components -----------------------------------------------------------------------------

    private static void assignComponents(GraphModel graph, Map<String, V> real) {
        Map<String, String> parent = new HashMap<>();
        real.keySet().forEach(k -> parent.put(k, k));
        for (SharingGraph.Edge e : graph.edges()) {
            if (real.containsKey(e.from()) && real.containsKey(e.to())) {
                parent.put(find(parent, e.from()), find(parent, e.to()));
            }
        }
        // Components in the order of their first process (then their first node): stable and readable.
        Map<String, Integer> rank = new HashMap<>();
        for (GraphModel.GNode n : graph.nodes()) {
            if (n.kind() == SharingGraph.NodeKind.PROCESS) {
                rank.putIfAbsent(find(parent, n.id()), rank.size());
            }
        }
        for (GraphModel.GNode n : graph.nodes()) {
            rank.putIfAbsent(find(parent, n.id()), rank.size());
        }
        real.forEach((id, v) -> v.comp = rank.get(find(parent, id)));
    }

    private static String find(Map<String, String> parent, String x) {
        String r = x;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        String c = x;
        while (!parent.get(c).equals(r)) {
            String next = parent.get(c);
            parent.put(c, r);
            c = next;
        }
        return r;
    }

    // ---- ordering -------------------------------------------------------------------------------

    private static void order(List<List<V>> layer) {
        for (List<V> l : layer) {
            l.sort(Comparator.<V>comparingInt(v -> v.comp).thenComparingInt(v -> v.seq).thenComparing(v -> v.dummy));
            renumber(l);
        }
        List<List<V>> best = snapshot(layer);
        long bestCrossings = crossings(layer);
        int sinceBest = 0;
        for (int s = 0; s < SWEEPS && bestCrossings > 0 && sinceBest < 4; s++) {
            boolean down = s % 2 == 0;
            if (down) {
                for (int i = 1; i < layer.size(); i++) {
                    sortByBarycentre(layer.get(i), true);
                }
            } else {
                for (int i = layer.size() - 2; i >= 0; i--) {
                    sortByBarycentre(layer.get(i), false);
                }
            }
            long c = crossings(layer);
            if (c < bestCrossings) {
                bestCrossings = c;
                best = snapshot(layer);
                sinceBest = 0;
            } else {
                sinceBest++;
            }
        }
        for (int i = 0; i < layer.size(); i++) {
            layer.get(i).clear();
            layer.get(i).addAll(best.get(i));
            renumber(layer.get(i));
        }
    }

    private static void sortByBarycentre(List<V> l, boolean useLeft) {
        Map<V, Double> key = new HashMap<>();
        for (V v : l) {
            List<V> ns = useLeft ? v.left : v.right;
            if (ns.isEmpty()) {
                key.put(v, (double) v.pos);
            } else {
                double sum = 0;
                for (V n : ns) {
                    sum += n.pos;
                }
                key.put(v, sum / ns.size());
            }
        }
        l.sort(Comparator.<V>comparingInt(v -> v.comp).thenComparingDouble(key::get).thenComparingInt(v -> v.pos));
        renumber(l);
    }

    private static void renumber(List<V> l) {
        for (int i = 0; i < l.size(); i++) {
            l.get(i).pos = i;
        }
    }

    private static List<List<V>> snapshot(List<List<V>> layer) {
        List<List<V>> copy = new ArrayList<>();
        layer.forEach(l -> copy.add(new ArrayList<>(l)));
        return copy;
    }

    /** Edge crossings between adjacent layers: inversions of target positions, by merge sort. */
    static long crossings(List<List<V>> layer) {
        long total = 0;
        for (int i = 0; i + 1 < layer.size(); i++) {
            List<int[]> pairs = new ArrayList<>();
            for (V v : layer.get(i)) {
                for (V w : v.right) {
                    pairs.add(new int[] {v.pos, w.pos});
                }
            }
            pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
            int[] targets = new int[pairs.size()];
            for (int k = 0; k < targets.length; k++) {
                targets[k] = pairs.get(k)[1];
            }
            total += inversions(targets, new int[targets.length], 0, targets.length);
        }
        return total;
    }

    private static long inversions(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 2) {
            return 0;
        }
        int mid = (lo + hi) >>> 1;
        long n = inversions(a, tmp, lo, mid) + inversions(a, tmp, mid, hi);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            if (a[i] <= a[j]) {
                tmp[k++] = a[i++];
            } else {
                n += mid - i;
                tmp[k++] = a[j++];
            }
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < hi) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
        return n;
    }

    // ---- vertical placement ---------------------------------------------------------------------

    private static void place(List<List<V>> layer) {
        for (List<V> l : layer) {
            double[] offset = offsets(l);
            for (int i = 0; i < l.size(); i++) {
                l.get(i).y = offset[i];
            }
        }
        for (int round = 0; round < PLACEMENT_ROUNDS; round++) {
            boolean rightwards = round % 2 == 0;
            boolean both = round >= 2;
            if (rightwards) {
                for (int i = 0; i < layer.size(); i++) {
                    relax(layer.get(i), both ? 0 : 1);
                }
            } else {
                for (int i = layer.size() - 1; i >= 0; i--) {
                    relax(layer.get(i), both ? 0 : 2);
                }
            }
        }
        double top = Double.MAX_VALUE;
        for (List<V> l : layer) {
            if (!l.isEmpty()) {
                top = Math.min(top, l.get(0).y);
            }
        }
        for (List<V> l : layer) {
            for (V v : l) {
                v.y += PAD - top;
            }
        }
    }

    /** Cumulative minimum distance of each node's top from the layer's first node's top. */
    private static double[] offsets(List<V> l) {
        double[] offset = new double[l.size()];
        for (int i = 1; i < l.size(); i++) {
            V prev = l.get(i - 1);
            V cur = l.get(i);
            double gap = prev.comp != cur.comp ? COMPONENT_GAP : prev.dummy || cur.dummy ? DUMMY_GAP : NODE_GAP;
            offset[i] = offset[i - 1] + prev.h + gap;
        }
        return offset;
    }

    /**
     * Moves a layer's nodes toward the mean centre of their neighbours (side 1: left only, 2: right
     * only, 0: both) without changing their order or overlapping: isotonic regression of the
     * desired tops minus the minimum offsets (pool adjacent violators).
     */
    private static void relax(List<V> l, int side) {
        int n = l.size();
        if (n == 0) {
            return;
        }
        double[] offset = offsets(l);
        double[] z = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            V v = l.get(i);
            double sum = 0;
            int count = 0;
            if (side != 2) {
                for (V u : v.left) {
                    sum += u.center();
                    count++;
                }
            }
            if (side != 1) {
                for (V u : v.right) {
                    sum += u.center();
                    count++;
                }
            }
            double desiredTop = count == 0 ? v.y : sum / count - v.h / 2;
            z[i] = desiredTop - offset[i];
            weight[i] = count == 0 ? 0.2 : v.dummy ? 0.5 : 1;
        }
        double[] fitted = isotonic(z, weight);
        for (int i = 0; i < n; i++) {
            l.get(i).y = fitted[i] + offset[i];
        }
    }

    /** Weighted non-decreasing least-squares fit (pool adjacent violators). */
    static double[] isotonic(double[] values, double[] weights) {
        int n = values.length;
        double[] mean = new double[n];
        double[] w = new double[n];
        int[] len = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            mean[blocks] = values[i];
            w[blocks] = weights[i];
            len[blocks] = 1;
            blocks++;
            while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
                double tw = w[blocks - 2] + w[blocks - 1];
                mean[blocks - 2] = tw == 0 ? (mean[blocks - 2] + mean[blocks - 1]) / 2
                        : (mean[blocks - 2] * w[blocks - 2] + mean[blocks - 1] * w[blocks - 1]) / tw;
                w[blocks - 2] = tw;
                len[blocks - 2] += len[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            Arrays.fill(out, k, k + len[b], mean[b]);
            k += len[b];
        }
        return out;
    }

    // ---- horizontal placement and edge routes -----------------------------------------------------

    private static LayoutResult route(GraphModel graph, List<List<V>> layer, Map<SharingGraph.Edge, List<V>> chains,
            Map<String, V> real, long millis) {
        int layers = layer.size();
        double[] width = new double[layers];
        for (int i = 0; i < layers; i++) {
            for (V v : layer.get(i)) {
                width[i] = Math.max(width[i], v.w);
            }
        }
        // Ports: a node's edges leave (and arrive) spread over its side, ordered by where they go.
        Map<V, List<SharingGraph.Edge>> outs = new HashMap<>();
        Map<V, List<SharingGraph.Edge>> ins = new HashMap<>();
        chains.forEach((e, chain) -> {
            if (chain.size() >= 2 && chain.get(0).layer < chain.get(chain.size() - 1).layer) {
                outs.computeIfAbsent(chain.get(0), k -> new ArrayList<>()).add(e);
                ins.computeIfAbsent(chain.get(chain.size() - 1), k -> new ArrayList<>()).add(e);
            }
        });
        Map<SharingGraph.Edge, Double> outY = new HashMap<>();
        Map<SharingGraph.Edge, Double> inY = new HashMap<>();
        outs.forEach((v, es) -> spread(v, es, e -> chains.get(e).get(1).center(), outY));
        ins.forEach((v, es) -> spread(v, es, e -> chains.get(e).get(chains.get(e).size() - 2).center(), inY));

        // Segments between layer i and i+1, with their vertical extent; tracks per gap.
        List<List<double[]>> gapSegments = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            gapSegments.add(new ArrayList<>());
        }
        Map<SharingGraph.Edge, double[][]> segs = new HashMap<>();
        chains.forEach((e, chain) -> {
            if (chain.get(0).layer >= chain.get(chain.size() - 1).layer) {
                return;
            }
            double[][] ys = new double[chain.size() - 1][];
            for (int k = 0; k + 1 < chain.size(); k++) {
                double y1 = k == 0 ? outY.get(e) : chain.get(k).center();
                double y2 = k + 2 == chain.size() ? inY.get(e) : chain.get(k + 1).center();
                double[] seg = {y1, y2, 0};
                ys[k] = seg;
                if (Math.abs(y1 - y2) > 0.5) {
                    gapSegments.get(chain.get(k).layer).add(seg);
                }
            }
            segs.put(e, ys);
        });
        int[] tracks = new int[layers];
        for (int i = 0; i < layers; i++) {
            tracks[i] = assignTracks(gapSegments.get(i));
        }
        double[] x = new double[layers];
        double[] gap = new double[layers];
        double cursor = PAD;
        for (int i = 0; i < layers; i++) {
            x[i] = cursor;
            gap[i] = Math.max(48, 2 * GAP_MARGIN + Math.max(0, tracks[i] - 1) * TRACK);
            cursor += width[i] + gap[i];
        }
        double totalWidth = cursor - gap[layers - 1] + PAD;

        Map<String, LayoutResult.Box> boxes = new LinkedHashMap<>();
        double maxY = 0;
        for (V v : real.values()) {
            double bx = x[v.layer] + (width[v.layer] - v.w) / 2;
            boxes.put(v.id, new LayoutResult.Box(bx, v.y, v.w, v.h));
            maxY = Math.max(maxY, v.y + v.h);
        }
        Map<SharingGraph.Edge, List<LayoutResult.Point>> routes = new LinkedHashMap<>();
        for (SharingGraph.Edge e : graph.edges()) {
            List<V> chain = chains.get(e);
            if (chain == null) {
                continue;
            }
            List<LayoutResult.Point> points = new ArrayList<>();
            double[][] ys = segs.get(e);
            if (ys == null) {
                LayoutResult.Box a = boxes.get(e.from());
                LayoutResult.Box b = boxes.get(e.to());
                points.add(new LayoutResult.Point(a.centerX(), a.centerY()));
                points.add(new LayoutResult.Point(b.centerX(), b.centerY()));
            } else {
                for (int k = 0; k < ys.length; k++) {
                    V u = chain.get(k);
                    V w = chain.get(k + 1);
                    double xOut = u.dummy ? x[u.layer] + width[u.layer] : boxes.get(u.id).x() + u.w;
                    double xIn = w.dummy ? x[w.layer] : boxes.get(w.id).x();
                    if (k == 0 || u.dummy) {
                        if (u.dummy) {
                            points.add(new LayoutResult.Point(x[u.layer], ys[k][0]));
                        }
                        points.add(new LayoutResult.Point(xOut, ys[k][0]));
                    }
                    if (Math.abs(ys[k][0] - ys[k][1]) > 0.5) {
                        double xm = x[u.layer] + width[u.layer] + GAP_MARGIN + ys[k][2] * TRACK;
                        points.add(new LayoutResult.Point(xm, ys[k][0]));
                        points.add(new LayoutResult.Point(xm, ys[k][1]));
                    }
                    points.add(new LayoutResult.Point(xIn, ys[k][1]));
                }
            }
            routes.put(e, points);
        }
        return new LayoutResult(boxes, routes, totalWidth, maxY + PAD, millis);
    }

    private static void spread(V v, List<SharingGraph.Edge> edges, Function<SharingGraph.Edge, Double> towards,
            Map<SharingGraph.Edge, Double> out) {
        List<SharingGraph.Edge> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparingDouble(towards::apply));
        double step = v.h / (sorted.size() + 1);
        for (int i = 0; i < sorted.size(); i++) {
            out.put(sorted.get(i), v.y + step * (i + 1));
        }
    }

    /** Greedy interval colouring: vertical segments that overlap get different tracks. */
    private static int assignTracks(List<double[]> segments) {
        segments.sort(Comparator.comparingDouble(s -> Math.min(s[0], s[1])));
        List<Double> trackEnd = new ArrayList<>();
        for (double[] s : segments) {
            double lo = Math.min(s[0], s[1]);
            double hi = Math.max(s[0], s[1]);
            int t = 0;
            while (t < trackEnd.size() && trackEnd.get(t) > lo - 3) {
                t++;
            }
            if (t == trackEnd.size() && t >= MAX_TRACKS) {
                t = 0;
                for (int k = 1; k < trackEnd.size(); k++) {
                    if (trackEnd.get(k) < trackEnd.get(t)) {
                        t = k;
                    }
                }
            }
            if (t == trackEnd.size()) {
                trackEnd.add(hi);
            } else {
                trackEnd.set(t, Math.max(trackEnd.get(t), hi));
            }
            s[2] = t;
        }
        return trackEnd.size();
    }
}
