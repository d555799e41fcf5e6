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
import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.model.VisibilityReport;

/**
 * Compares a snapshot with a workload manifest, exactly: every dma-buf by inode (size, exporter,
 * name, count), its holders (pid, fd), mappings (pid, length), attachments (importing device), the
 * workload's DRM clients and DRM fds, and the totals; and, given a snapshot taken after the workload
 * stopped, that none of its buffers or processes is left.
 */
public final class ManifestVerifier {

    private final List<String> problems = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public List<String> problems() {
        return problems;
    }

    public List<String> checked() {
        return checked;
    }

    /** What the kernel showed and what it hid (not failures): for the per-kernel report. */
    public List<String> notes() {
        return notes;
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
        // Indexed once by dma-buf key: at scale (10,000 buffers, as many holders) a scan per buffer
        // would be quadratic.
        Map<String, Set<String>> holdersByKey = new HashMap<>();
        for (Holder h : s.holders()) {
            if (h.kind() == Holder.Kind.DMABUF && h.dmaBufKey() != null) {
                holdersByKey.computeIfAbsent(h.dmaBufKey(), x -> new TreeSet<>()).add(h.pid() + "/" + h.fd());
            }
        }
        Map<String, List<String>> mapsByKey = new HashMap<>();
        for (Mapping x : s.mappings()) {
            if (x.kind() == Mapping.Kind.DMABUF && x.dmaBufKey() != null) {
                mapsByKey.computeIfAbsent(x.dmaBufKey(), y -> new ArrayList<>()).add(x.pid() + "/" + x.length());
            }
        }
        Map<String, List<String>> attByKey = new HashMap<>();
        s.attachments().forEach(a -> attByKey.computeIfAbsent(a.dmaBufKey(), y -> new ArrayList<>()).add(a.deviceId()));
        long bytes = 0;
        int fenced = 0;
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
            Set<String> got = holdersByKey.getOrDefault(b.key(), Set.of());
            eq(k + "holders (pid/fd)", want, got);
            List<String> wantMaps = new ArrayList<>();
            m.path("mappings").forEach(x -> wantMaps.add(x.path("pid").asInt() + "/" + x.path("length").asLong()));
            List<String> gotMaps = new ArrayList<>(mapsByKey.getOrDefault(b.key(), List.of()));
            wantMaps.sort(null);
            gotMaps.sort(null);
            eq(k + "mappings (pid/length)", wantMaps, gotMaps);
            List<String> wantAtt = new ArrayList<>();
            m.path("importedBy").forEach(i -> {
                if (i.path("attachment").asBoolean()) {
                    wantAtt.add(deviceByDriver.getOrDefault(i.path("driver").asText(), "?" + i.path("driver").asText()));
                }
            });
            List<String> gotAtt = new ArrayList<>(attByKey.getOrDefault(b.key(), List.of()));
            wantAtt.sort(null);
            gotAtt.sort(null);
            eq(k + "attachments (importing device)", wantAtt, gotAtt);
            // Fences: a vgem fence attached to the exporting object sits in the buffer's reservation
            // object, which bufinfo lists; a buffer nobody fenced shows none.
            List<String> wantFences = new ArrayList<>();
            m.path("fences").forEach(f -> wantFences.add(f.path("write").asBoolean(true) ? "write" : "read"));
            List<String> gotFences = new ArrayList<>();
            for (DmaBuf.Fence f : b.fences()) {
                // exclusive (up to 5.18) and write (from 5.19) are the same kind of fence
                gotFences.add("exclusive".equals(f.usage()) ? "write" : "shared".equals(f.usage()) ? "read" : f.usage());
                if (!f.driver().isEmpty() && !"vgem".equals(f.driver())) {
                    problems.add(k + "fence from driver " + f.driver() + ", the workload attached only vgem fences");
                }
            }
            eq(k + "fences (usage)", wantFences, gotFences);
            fenced += wantFences.isEmpty() ? 0 : 1;
        }
        checked.add("fenced dma-bufs: " + fenced);
        if (manifest.path("baselineDmaBufs").asLong() == 0) {
            eq("totals: dma-buf count", (long) expected.size(), s.totals().dmaBufCount());
            eq("totals: dma-buf bytes", bytes, s.totals().dmaBufBytes());
        }

        verifyGemObjects(manifest, s, deviceByDriver);

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
        long withId = s.clients().stream().filter(c -> pids.contains(c.pid()) && c.clientId() != null).count();
        notes.add("DRM clients: " + gotClients.size() + " of the workload (debugfs clients, fd from /proc); "
                + withId + " with a DRM client id (fdinfo drm-client-id or debugfs clients id)");
        long fencedBufs = s.dmaBufs().stream().filter(b -> !b.fences().isEmpty()).count();
        if (fencedBufs > 0) {
            s.dmaBufs().stream().flatMap(b -> b.fences().stream()).findFirst().ifPresent(f -> notes.add(
                    "fences: bufinfo lists them per buffer (e.g. usage " + f.usage() + ", driver '" + f.driver()
                    + "', timeline '" + f.timeline() + "', " + (f.signalled() ? "signalled" : "unsignalled") + ")"));
        }
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

    /**
     * GEM objects, as far as the kernel shows them: no interface lists GEM objects, so the collector
     * infers the exporting object of every PRIME-exported dma-buf and the importing object behind
     * every attachment (bufinfo). Those must be exactly there, on the right device, with the
     * buffer's size; every other GEM object of the workload (a dumb buffer never exported, named or
     * scanned out, and a same-device import, which is the exporter's own object) has no source and
     * must not be invented. The kernel's own objects (fbdev framebuffers) are not the workload's.
     */
    private void verifyGemObjects(JsonNode manifest, Snapshot s, Map<String, String> deviceByDriver) {
        Set<String> want = new TreeSet<>();
        Map<Long, JsonNode> bufByIno = new HashMap<>();
        manifest.path("dmaBufs").forEach(b -> bufByIno.put(b.path("ino").asLong(), b));
        Map<Long, String> exporterDriver = new HashMap<>();
        for (JsonNode p : manifest.path("processes")) {
            for (JsonNode g : p.path("gemObjects")) {
                if ("dumb".equals(g.path("how").asText()) && g.has("dmaBufIno")) {
                    exporterDriver.put(g.path("dmaBufIno").asLong(), g.path("driver").asText());
                }
            }
        }
        int hidden = 0;
        for (JsonNode b : manifest.path("dmaBufs")) {
            if ("export".equals(b.path("how").asText())) {
                // The exporting driver as the workload recorded it (older manifests: from the handle's
                // DRM fd, which may be closed by now; else from exp_name, which is "drm" for vgem).
                String driver = b.path("exporterDriver").asText(exporterDriver.getOrDefault(b.path("ino").asLong(),
                        "virtio_gpu".equals(b.path("exporter").asText()) ? "virtio_gpu" : "vgem"));
                if ("closed".equals(driver)) {
                    driver = "virtio_gpu".equals(b.path("exporter").asText()) ? "virtio_gpu" : "vgem";
                }
                want.add("EXPORTER " + deviceByDriver.getOrDefault(driver, "?" + driver) + " ino:" + b.path("ino").asLong()
                        + " " + b.path("size").asLong());
            }
            for (JsonNode i : b.path("importedBy")) {
                if (i.path("attachment").asBoolean()) {
                    want.add("IMPORTER " + deviceByDriver.getOrDefault(i.path("driver").asText(), "?")
                            + " ino:" + b.path("ino").asLong() + " " + b.path("size").asLong());
                }
            }
        }
        for (JsonNode p : manifest.path("processes")) {
            for (JsonNode g : p.path("gemObjects")) {
                if (g.path("open").asBoolean() && !g.has("dmaBufIno")) {
                    hidden++;
                }
            }
        }
        Set<Long> inos = bufByIno.keySet();
        Set<String> got = new TreeSet<>();
        int kernelOwn = 0;
        for (GemObject o : s.gemObjects()) {
            if (o.dmaBufIno() != null && inos.contains(o.dmaBufIno())) {
                got.add(o.role() + " " + o.deviceId() + " ino:" + o.dmaBufIno() + " " + o.size());
            } else if (o.dmaBufIno() == null && o.flinkName() == null && o.ownerPid() == null) {
                kernelOwn++;
            } else {
                got.add("unexpected " + o.id());
            }
        }
        eq("GEM objects made visible through bufinfo (role device ino size)", want, got);
        notes.add("GEM objects: " + got.size() + " of the workload visible (exporters of PRIME exports, importers "
                + "behind attachments, from bufinfo); " + hidden + " with a handle but no kernel source (never "
                + "exported, flinked or scanned out); " + kernelOwn + " of the kernel's own (fbdev framebuffer)");
        long flinked = s.gemObjects().stream().filter(o -> o.flinkName() != null).count();
        eq("GEM flink names (gem_names; the workload names none)", 0L, flinked);
    }

    /**
     * A collection by an ordinary user while the workload (root's processes) holds: it must show
     * nothing of root's processes and nothing from debugfs (root-only), and say so in its visibility
     * report; what it does show (the DRM devices, from world-readable sysfs) must agree with the
     * root collection.
     *
     * @param root the collection as root at the same time, or null
     */
    public ManifestVerifier verifyUnprivileged(JsonNode manifest, Snapshot s, Snapshot root) {
        Set<Integer> pids = new TreeSet<>();
        manifest.path("processes").forEach(p -> pids.add(p.path("pid").asInt()));
        Set<Long> inos = new TreeSet<>(Manifests.inos(manifest));
        Set<Long> seenInos = new TreeSet<>();
        s.dmaBufs().forEach(b -> {
            if (b.ino() != null && inos.contains(b.ino())) {
                seenInos.add(b.ino());
            }
        });
        eq("unprivileged: workload dma-bufs visible", Set.of(), seenInos);
        eq("unprivileged: dma-bufs visible (bufinfo is root-only, it holds none itself)", 0, s.dmaBufs().size());
        Set<Integer> seenPids = new TreeSet<>();
        s.processes().forEach(p -> {
            if (pids.contains(p.pid())) {
                seenPids.add(p.pid());
            }
        });
        s.holders().forEach(h -> {
            if (pids.contains(h.pid())) {
                seenPids.add(h.pid());
            }
        });
        s.mappings().forEach(x -> {
            if (pids.contains(x.pid())) {
                seenPids.add(x.pid());
            }
        });
        eq("unprivileged: workload processes visible", Set.of(), seenPids);
        eq("unprivileged: holders", 0, s.holders().size());
        eq("unprivileged: mappings", 0, s.mappings().size());
        eq("unprivileged: DRM clients (debugfs is root-only)", 0, s.clients().size());
        eq("unprivileged: attachments (bufinfo is root-only)", 0, s.attachments().size());
        VisibilityReport v = s.visibility();
        eq("unprivileged: visibility complete", false, v.complete());
        long holding = 0;
        for (JsonNode p : manifest.path("processes")) {
            holding += p.path("drmFds").size() + p.path("dmaBufFds").size() + p.path("mappings").size() > 0 ? 1 : 0;
        }
        if (v.processesDenied() < holding) {
            problems.add("unprivileged: " + v.processesDenied() + " processes reported as denied, but "
                    + holding + " of the workload's hold buffers and are root's");
        } else {
            checked.add("unprivileged: processes denied " + v.processesDenied() + " >= workload processes holding " + holding);
        }
        // Each of root's workload processes that holds something is named as hidden, and why.
        Set<Integer> wantDenied = new TreeSet<>();
        for (JsonNode p : manifest.path("processes")) {
            if (p.path("drmFds").size() + p.path("dmaBufFds").size() + p.path("mappings").size() > 0) {
                wantDenied.add(p.path("pid").asInt());
            }
        }
        Set<Integer> named = new TreeSet<>();
        for (VisibilityReport.Issue i : v.issues()) {
            java.util.regex.Matcher pm = java.util.regex.Pattern.compile("^pid (\\d+)").matcher(i.scope());
            if (pm.find() && wantDenied.contains(Integer.parseInt(pm.group(1))) && i.missing().contains("open files")) {
                named.add(Integer.parseInt(pm.group(1)));
            }
        }
        eq("unprivileged: workload processes named in the visibility report (open files not visible)", wantDenied, named);
        boolean debugfs = false;
        for (VisibilityReport.Issue i : v.issues()) {
            if ((i.scope() + " " + i.missing()).contains("debugfs") || i.missing().contains("bufinfo")) {
                debugfs = true;
            }
            if (i.reason() == null || i.reason().isBlank()) {
                problems.add("unprivileged: visibility issue without a reason: " + i);
            }
        }
        eq("unprivileged: visibility report names the missing debugfs", true, debugfs);
        if (root != null) {
            Set<String> want = new TreeSet<>();
            root.devices().forEach(d -> want.add(d.id()));
            Set<String> got = new TreeSet<>();
            s.devices().forEach(d -> got.add(d.id()));
            eq("unprivileged: DRM devices (sysfs) as root sees them", want, got);
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
