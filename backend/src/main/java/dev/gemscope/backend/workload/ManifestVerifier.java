package dev.gemscope.backend.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.DrmDevice;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.model.Snapshot;

/**
 * Compares a snapshot with a workload manifest, exactly: every dma-buf by inode (size, exporter,
 * name, count), its holders (pid, fd), mappings (pid, length), attachments (importing device), the
 * workload's DRM clients and DRM fds, and the totals; and, given a snapshot taken after the workload
 * stopped, that none of its buffers or processes is left.
 */
public final class ManifestVerifier {

    private final List<String> problems = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    public List<String> problems() {
        return problems;
    }

    public List<String> checked() {
        return checked;
    }

    public ManifestVerifier verify(JsonNode manifest, Snapshot s) {
        Map<String, String> deviceByDriver = new HashMap<>();
        for (DrmDevice d : s.devices()) {
            deviceByDriver.put(d.driver(), d.id());
        }
        Set<Integer> pids = new TreeSet<>();
        manifest.path("processes").forEach(p -> pids.add(p.path("pid").asInt()));

        // dma-bufs: the set by inode, then each one's fields.
        Map<Long, DmaBuf> byIno = new TreeMap<>();
        s.dmaBufs().forEach(b -> byIno.put(b.ino(), b));
        Set<Long> expected = new TreeSet<>(Manifests.inos(manifest));
        Set<Long> seen = new TreeSet<>(byIno.keySet());
        if (manifest.path("baselineDmaBufs").asLong() == 0) {
            eq("dma-buf inodes", expected, seen);
        } else {
            Set<Long> missing = new TreeSet<>(expected);
            missing.removeAll(seen);
            eq("dma-buf inodes missing from the snapshot (baseline " + manifest.path("baselineDmaBufs").asLong() + ")",
                    Set.of(), missing);
        }
        long bytes = 0;
        for (JsonNode m : manifest.path("dmaBufs")) {
            long ino = m.path("ino").asLong();
            DmaBuf b = byIno.get(ino);
            if (b == null) {
                continue;
            }
            String k = "ino:" + ino + " ";
            bytes += m.path("size").asLong();
            eq(k + "size", m.path("size").asLong(), b.size());
            eq(k + "exporter", m.path("exporter").asText(), b.exporter());
            eq(k + "name", m.path("name").isNull() ? null : m.path("name").asText(), b.name());
            eq(k + "count", Manifests.expectedCount(m), b.fileCount());
            // Holders: every (pid, fd) on the system, not only the workload's.
            Set<String> want = new TreeSet<>();
            m.path("holders").forEach(h -> want.add(h.path("pid").asInt() + "/" + h.path("fd").asInt()));
            Set<String> got = new TreeSet<>();
            for (Holder h : s.holders()) {
                if (h.kind() == Holder.Kind.DMABUF && Objects.equals(h.dmaBufKey(), b.key())) {
                    got.add(h.pid() + "/" + h.fd());
                }
            }
            eq(k + "holders (pid/fd)", want, got);
            List<String> wantMaps = new ArrayList<>();
            m.path("mappings").forEach(x -> wantMaps.add(x.path("pid").asInt() + "/" + x.path("length").asLong()));
            List<String> gotMaps = new ArrayList<>();
            for (Mapping x : s.mappings()) {
                if (x.kind() == Mapping.Kind.DMABUF && Objects.equals(x.dmaBufKey(), b.key())) {
                    gotMaps.add(x.pid() + "/" + x.length());
                }
            }
            wantMaps.sort(null);
            gotMaps.sort(null);
            eq(k + "mappings (pid/length)", wantMaps, gotMaps);
            List<String> wantAtt = new ArrayList<>();
            m.path("importedBy").forEach(i -> {
                if (i.path("attachment").asBoolean()) {
                    wantAtt.add(deviceByDriver.getOrDefault(i.path("driver").asText(), "?" + i.path("driver").asText()));
                }
            });
            List<String> gotAtt = new ArrayList<>();
            s.attachments().stream().filter(a -> Objects.equals(a.dmaBufKey(), b.key()))
                    .forEach(a -> gotAtt.add(a.deviceId()));
            wantAtt.sort(null);
            gotAtt.sort(null);
            eq(k + "attachments (importing device)", wantAtt, gotAtt);
        }
        if (manifest.path("baselineDmaBufs").asLong() == 0) {
            eq("totals: dma-buf count", (long) expected.size(), s.totals().dmaBufCount());
            eq("totals: dma-buf bytes", bytes, s.totals().dmaBufBytes());
        }

        // DRM fds and clients of the workload's processes.
        Set<String> wantDrm = new TreeSet<>();
        for (JsonNode p : manifest.path("processes")) {
            for (JsonNode d : p.path("drmFds")) {
                wantDrm.add(p.path("pid").asInt() + "/" + d.path("fd").asInt() + "/"
                        + deviceByDriver.getOrDefault(d.path("driver").asText(), "?" + d.path("driver").asText()));
            }
        }
        Set<String> gotDrm = new TreeSet<>();
        s.holders().stream().filter(h -> h.kind() == Holder.Kind.DRM && pids.contains(h.pid()))
                .forEach(h -> gotDrm.add(h.pid() + "/" + h.fd() + "/" + h.deviceId()));
        eq("DRM fd holders (pid/fd/device)", wantDrm, gotDrm);
        Set<String> gotClients = new TreeSet<>();
        s.clients().stream().filter(c -> pids.contains(c.pid()))
                .forEach(c -> gotClients.add(c.pid() + "/" + c.fd() + "/" + c.deviceId()));
        eq("DRM clients (pid/fd/device)", wantDrm, gotClients);
        Set<Integer> procs = new HashSet<>();
        s.processes().forEach(p -> procs.add(p.pid()));
        for (JsonNode p : manifest.path("processes")) {
            // A process that closed every DRM and dma-buf fd and unmapped everything holds nothing the
            // kernel can show (the leak scenario's producer), so the snapshot rightly leaves it out.
            boolean holds = p.path("drmFds").size() + p.path("dmaBufFds").size() + p.path("mappings").size() > 0;
            int pid = p.path("pid").asInt();
            if (holds && !procs.contains(pid)) {
                problems.add("process " + pid + " of the workload is not in the snapshot");
            } else if (!holds && procs.contains(pid)) {
                problems.add("process " + pid + " holds nothing but is in the snapshot");
            }
        }
        return this;
    }

    /** After the workload stopped: none of its buffers, processes or clients is left. */
    public ManifestVerifier verifyGone(JsonNode manifest, Snapshot after) {
        Set<Long> left = new TreeSet<>(Manifests.inos(manifest));
        Set<Long> now = new TreeSet<>();
        after.dmaBufs().forEach(b -> now.add(b.ino()));
        left.retainAll(now);
        eq("after stop: workload dma-bufs left", Set.of(), left);
        eq("after stop: dma-bufs in the system", manifest.path("baselineDmaBufs").asLong(),
                (long) after.dmaBufs().size());
        Set<Integer> pids = new TreeSet<>();
        manifest.path("processes").forEach(p -> pids.add(p.path("pid").asInt()));
        Set<Integer> alive = new TreeSet<>();
        after.processes().forEach(p -> {
            if (pids.contains(p.pid())) {
                alive.add(p.pid());
            }
        });
        eq("after stop: workload processes left", Set.of(), alive);
        long clients = after.clients().stream().filter(c -> pids.contains(c.pid())).count();
        eq("after stop: workload DRM clients left", 0L, clients);
        return this;
    }

    private void eq(String what, Object want, Object got) {
        if (Objects.equals(want, got)) {
            checked.add(what + ": " + want);
        } else {
            problems.add(what + ": manifest " + want + ", snapshot " + got);
        }
    }
}
