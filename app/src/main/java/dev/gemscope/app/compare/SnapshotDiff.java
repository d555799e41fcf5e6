package dev.gemscope.app.compare;

import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.graph.Sizes;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.model.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two snapshots, per process: buffers that are new, gone or grown, and the
 * GEM objects that appeared or disappeared — the leak finder. Buffers without an inode number
 * (kernels before 5.3) are matched by exporter, size and name.
 *
 * @param processes one row per process seen in either snapshot (and "no holder" for kernel-only buffers)
 * @param changes every buffer or object change
 */
public record SnapshotDiff(List<ProcessChange> processes, List<Change> changes) {

    /** Process id used for buffers no process references (held only by the kernel or a driver). */
    public static final int NO_HOLDER = -1;

    /** How something changed. */
    public enum Kind { NEW, GONE, GROWN, SHRUNK, SAME }

    /**
     * One process's dma-buf use before and after.
     *
     * @param pid the process, or {@link #NO_HOLDER}
     * @param comm its name
     * @param status NEW/GONE process, or GROWN/SHRUNK/SAME by RSS
     * @param buffersBefore distinct buffers referenced before
     * @param buffersAfter after
     * @param rssBefore their summed size before
     * @param rssAfter after
     * @param newBuffers buffers referenced after but not before
     * @param goneBuffers buffers referenced before but not after
     */
    public record ProcessChange(int pid, String comm, Kind status, int buffersBefore, int buffersAfter,
            long rssBefore, long rssAfter, int newBuffers, int goneBuffers) {

        public long rssDelta() {
            return rssAfter - rssBefore;
        }

        public String label() {
            return pid == NO_HOLDER ? "(no holder: kernel only)" : comm + " [" + pid + "]";
        }
    }

    /**
     * A buffer change for one process, or a GEM object change (pid {@link #NO_HOLDER} when unowned).
     *
     * @param what "dma-buf" or "GEM object"
     * @param pid the process it concerns
     * @param comm its name
     * @param kind NEW, GONE, GROWN or SHRUNK
     * @param id the buffer key or object id
     * @param detail exporter or device, and the buffer name
     * @param sizeBefore size before, or null
     * @param sizeAfter size after, or null
     */
    public record Change(String what, int pid, String comm, Kind kind, String id, String detail, Long sizeBefore,
            Long sizeAfter) {

        public Long delta() {
            return (sizeAfter == null ? 0 : sizeAfter) - (sizeBefore == null ? 0 : sizeBefore);
        }

        public String processLabel() {
            return pid == NO_HOLDER ? "(no holder)" : comm + " [" + pid + "]";
        }
    }

    /** Compares {@code before} with {@code after}. */
    public static SnapshotDiff of(Snapshot before, Snapshot after) {
        Side a = new Side(before);
        Side b = new Side(after);
        List<ProcessChange> processes = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Set<Integer> pids = new TreeSet<>(a.buffersByPid.keySet());
        pids.addAll(b.buffersByPid.keySet());
        pids.addAll(a.index.allPids());
        pids.addAll(b.index.allPids());
        for (int pid : pids) {
            Set<String> was = a.buffersByPid.getOrDefault(pid, Set.of());
            Set<String> is = b.buffersByPid.getOrDefault(pid, Set.of());
            boolean existedBefore = pid == NO_HOLDER ? !was.isEmpty() : a.index.allPids().contains(pid);
            boolean existsAfter = pid == NO_HOLDER ? !is.isEmpty() : b.index.allPids().contains(pid);
            String comm = existsAfter ? b.comm(pid) : a.comm(pid);
            if (existsAfter && existedBefore && !Objects.equals(a.comm(pid), b.comm(pid))) {
                // The pid was reused by another program: two different processes.
                processes.add(row(pid, a.comm(pid), Kind.GONE, a, b, was, Set.of(), changes));
                processes.add(row(pid, b.comm(pid), Kind.NEW, a, b, Set.of(), is, changes));
                continue;
            }
            Kind status = !existedBefore ? Kind.NEW : !existsAfter ? Kind.GONE : null;
            processes.add(row(pid, comm, status, a, b, was, is, changes));
        }
        objectChanges(a, b, changes);
        return new SnapshotDiff(processes, changes);
    }

    private static ProcessChange row(int pid, String comm, Kind status, Side a, Side b, Set<String> was,
            Set<String> is, List<Change> changes) {
        long rssBefore = was.stream().mapToLong(a::size).sum();
        long rssAfter = is.stream().mapToLong(b::size).sum();
        int added = 0;
        int gone = 0;
        for (String k : is) {
            if (!was.contains(k)) {
                added++;
                changes.add(new Change("dma-buf", pid, comm, Kind.NEW, b.label(k), b.detail(k), null, b.size(k)));
            } else if (b.size(k) != a.size(k)) {
                changes.add(new Change("dma-buf", pid, comm, b.size(k) > a.size(k) ? Kind.GROWN : Kind.SHRUNK,
                        b.label(k), b.detail(k), a.size(k), b.size(k)));
            }
        }
        for (String k : was) {
            if (!is.contains(k)) {
                gone++;
                changes.add(new Change("dma-buf", pid, comm, Kind.GONE, a.label(k), a.detail(k), a.size(k), null));
            }
        }
        Kind kind = status != null ? status
                : rssAfter > rssBefore ? Kind.GROWN : rssAfter < rssBefore ? Kind.SHRUNK : Kind.SAME;
        return new ProcessChange(pid, comm, kind, was.size(), is.size(), rssBefore, rssAfter, added, gone);
    }

    private static void objectChanges(Side a, Side b, List<Change> changes) {
        Map<String, GemObject> before = new LinkedHashMap<>();
        a.index.snapshot().gemObjects().forEach(o -> before.put(o.id(), o));
        Map<String, GemObject> after = new LinkedHashMap<>();
        b.index.snapshot().gemObjects().forEach(o -> after.put(o.id(), o));
        for (GemObject o : after.values()) {
            GemObject old = before.get(o.id());
            if (old == null) {
                changes.add(objectChange(o, Kind.NEW, null, o.size(), b));
            } else if (o.size() != null && old.size() != null && !o.size().equals(old.size())) {
                changes.add(objectChange(o, o.size() > old.size() ? Kind.GROWN : Kind.SHRUNK, old.size(), o.size(), b));
            }
        }
        for (GemObject o : before.values()) {
            if (!after.containsKey(o.id())) {
                changes.add(objectChange(o, Kind.GONE, o.size(), null, a));
            }
        }
    }

    private static Change objectChange(GemObject o, Kind kind, Long before, Long after, Side side) {
        int pid = o.ownerPid() == null ? NO_HOLDER : o.ownerPid();
        return new Change("GEM object", pid, pid == NO_HOLDER ? "" : side.comm(pid), kind, o.id(),
                side.index.deviceLabel(o.deviceId()) + ", " + o.backing().name().toLowerCase(), before, after);
    }

    /** Counts for the headline. */
    public String summary() {
        long newBufs = distinct(Kind.NEW, "dma-buf");
        long goneBufs = distinct(Kind.GONE, "dma-buf");
        long grownBufs = distinct(Kind.GROWN, "dma-buf");
        long newObjs = changes.stream().filter(c -> c.what().equals("GEM object") && c.kind() == Kind.NEW).count();
        long goneObjs = changes.stream().filter(c -> c.what().equals("GEM object") && c.kind() == Kind.GONE).count();
        List<ProcessChange> grown = processes.stream().filter(p -> p.rssDelta() > 0 && p.pid() != NO_HOLDER)
                .sorted((x, y) -> Long.compare(y.rssDelta(), x.rssDelta())).toList();
        boolean appeared = grown.stream().anyMatch(p -> p.status() == Kind.NEW);
        StringBuilder s = new StringBuilder();
        s.append(newBufs).append(" new, ").append(goneBufs).append(" gone");
        if (grownBufs > 0) {
            s.append(", ").append(grownBufs).append(" grown");
        }
        s.append(" dma-bufs; GEM objects ").append(newObjs).append(" new, ").append(goneObjs).append(" gone; ");
        if (grown.isEmpty()) {
            s.append("no process grew.");
        } else {
            ProcessChange top = grown.get(0);
            s.append(grown.size()).append(grown.size() == 1 ? " process" : " processes").append(" grew")
                    .append(appeared ? " or appeared" : "").append(", most ")
                    .append(top.label()).append(" by ").append(Sizes.human(top.rssDelta())).append('.');
        }
        return s.toString();
    }

    private long distinct(Kind kind, String what) {
        return changes.stream().filter(c -> c.kind() == kind && c.what().equals(what)).map(Change::id).distinct().count();
    }

    /** One snapshot's buffers per process, with matching keys. */
    private static final class Side {
        final SnapshotIndex index;
        final Map<Integer, Set<String>> buffersByPid = new HashMap<>();
        final Map<String, DmaBuf> byMatchKey = new HashMap<>();

        Side(Snapshot s) {
            index = new SnapshotIndex(s);
            Map<String, String> matchKey = new HashMap<>();
            Map<String, Integer> seen = new HashMap<>();
            for (DmaBuf b : s.dmaBufs()) {
                String k = b.ino() != null ? "ino:" + b.ino()
                        : "sig:" + b.exporter() + "|" + b.size() + "|" + Objects.toString(b.name(), "");
                if (b.ino() == null) {
                    int n = seen.merge(k, 1, Integer::sum);
                    k = k + "#" + n;
                }
                matchKey.put(b.key(), k);
                byMatchKey.put(k, b);
            }
            Set<String> referenced = new LinkedHashSet<>();
            for (Holder h : s.holders()) {
                if (h.kind() == Holder.Kind.DMABUF && h.dmaBufKey() != null && matchKey.containsKey(h.dmaBufKey())) {
                    buffersByPid.computeIfAbsent(h.pid(), p -> new LinkedHashSet<>()).add(matchKey.get(h.dmaBufKey()));
                    referenced.add(h.dmaBufKey());
                }
            }
            for (Mapping m : s.mappings()) {
                if (m.dmaBufKey() != null && matchKey.containsKey(m.dmaBufKey())) {
                    buffersByPid.computeIfAbsent(m.pid(), p -> new LinkedHashSet<>()).add(matchKey.get(m.dmaBufKey()));
                    referenced.add(m.dmaBufKey());
                }
            }
            for (DmaBuf b : s.dmaBufs()) {
                if (!referenced.contains(b.key())) {
                    buffersByPid.computeIfAbsent(NO_HOLDER, p -> new LinkedHashSet<>()).add(matchKey.get(b.key()));
                }
            }
        }

        long size(String matchKey) {
            DmaBuf b = byMatchKey.get(matchKey);
            return b == null ? 0 : b.size();
        }

        String label(String matchKey) {
            DmaBuf b = byMatchKey.get(matchKey);
            return b == null ? matchKey : b.ino() != null ? "ino " + b.ino() : b.key();
        }

        String detail(String matchKey) {
            DmaBuf b = byMatchKey.get(matchKey);
            if (b == null) {
                return "";
            }
            return b.exporter() + (b.name() == null ? "" : " \"" + b.name() + "\"");
        }

        String comm(int pid) {
            String label = index.processLabel(pid);
            return label.substring(0, label.lastIndexOf(" ["));
        }
    }
}
