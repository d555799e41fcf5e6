package dev.gemscope.backend.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Joins the children's reports into the ground-truth manifest: per process what it holds, and per
 * dma-buf (by inode) its size, exporter, name, holders, mappings, importing devices and the
 * reference count the kernel should show.
 *
 * <p>The count model (bufinfo {@code count} = {@code file_count(dmabuf->file)}, drm_prime.c), as
 * measured on 6.1: one per fd in any process, one per mapping (the VMA pins the file), two for the
 * exporting GEM object while it still has a handle ({@code obj->dma_buf} and the exporting file's
 * prime-cache entry, {@code drm_prime_add_buf_handle}), and three per GEM object that imported it
 * on a <em>different</em> device ({@code obj->dma_buf}, the attachment's reference and the
 * importing file's prime-cache entry).
 */
public final class Manifests {

    private Manifests() {
    }

    static ObjectNode build(JsonNode scenario, List<JsonNode> reports, ArrayNode steps, long baselineDmaBufs)
            throws IOException {
        ObjectNode m = ChildProcess.JSON.createObjectNode();
        m.put("format", "gemscope-workload-manifest");
        m.put("formatVersion", 1);
        m.put("scenario", scenario.path("name").asText());
        m.put("description", scenario.path("description").asText(""));
        m.put("kernelRelease", readOr(Path.of("/proc/sys/kernel/osrelease"), "?"));
        m.put("baselineDmaBufs", baselineDmaBufs);
        m.set("processes", ChildProcess.JSON.valueToTree(reports));

        // What the steps say about each inode: exporter and name.
        Map<Long, ObjectNode> bufs = new TreeMap<>();
        Map<Long, String> exporterDriver = new TreeMap<>();
        ArrayNode failed = m.putArray("failedCalls");
        for (JsonNode r : steps) {
            JsonNode step = r.path("step");
            JsonNode reply = r.path("reply");
            JsonNode res = reply.path("result");
            if (reply.has("failure")) {
                ObjectNode f = reply.path("failure").deepCopy();
                f.put("process", step.path("proc").asText());
                failed.add(f);
            }
            switch (step.path("op").asText()) {
                case "export", "udmabuf", "heap" -> {
                    ObjectNode b = buf(bufs, res.path("ino").asLong());
                    b.put("size", res.path("size").asLong());
                    b.put("exporter", res.path("exporter").asText());
                    b.put("createdBy", step.path("proc").asText());
                    b.put("how", step.path("op").asText());
                    if (!res.path("exporterDriver").asText("").isEmpty()) {
                        b.put("exporterDriver", res.path("exporterDriver").asText());
                    }
                    exporterDriver.put(res.path("ino").asLong(), res.path("exporterDriver").asText(""));
                }
                case "setname" -> buf(bufs, res.path("ino").asLong()).put("name", res.path("name").asText());
                default -> {
                }
            }
        }
        for (JsonNode p : reports) {
            for (JsonNode c : p.path("createdDmaBufs")) {
                ObjectNode b = buf(bufs, c.path("ino").asLong());
                b.put("size", c.path("size").asLong());
                b.put("exporter", c.path("exporter").asText());
                b.put("createdBy", c.path("createdBy").asText());
                b.put("how", c.path("how").asText());
                if (c.has("exporterDriver")) {
                    b.put("exporterDriver", c.path("exporterDriver").asText());
                }
            }
        }
        for (ObjectNode b : bufs.values()) {
            b.putArray("holders");
            b.putArray("mappings");
            b.putArray("importedBy");
            b.putArray("fences");
            b.put("exporterObjectHasHandle", false);
        }
        for (JsonNode p : reports) {
            long pid = p.path("pid").asLong();
            for (JsonNode fd : p.path("dmaBufFds")) {
                ObjectNode b = known(bufs, fd.path("ino").asLong());
                ((ArrayNode) b.get("holders")).addObject().put("pid", pid).put("fd", fd.path("fd").asInt());
            }
            for (JsonNode map : p.path("mappings")) {
                ObjectNode b = known(bufs, map.path("ino").asLong());
                ((ArrayNode) b.get("mappings")).addObject().put("pid", pid).put("length", map.path("length").asLong());
            }
            for (JsonNode f : p.path("fences")) {
                if (f.has("ino")) {
                    ((ArrayNode) known(bufs, f.path("ino").asLong()).get("fences")).addObject().put("pid", pid)
                            .put("write", f.path("write").asBoolean(true));
                }
            }
            for (JsonNode g : p.path("gemObjects")) {
                if (!g.path("open").asBoolean() || !g.has("dmaBufIno")) {
                    continue;
                }
                long ino = g.path("dmaBufIno").asLong();
                ObjectNode b = known(bufs, ino);
                if ("dumb".equals(g.path("how").asText())) {
                    b.put("exporterObjectHasHandle", true);
                } else {
                    boolean foreign = !g.path("driver").asText().equals(exporterDriver.getOrDefault(ino, ""));
                    ((ArrayNode) b.get("importedBy")).addObject().put("pid", pid)
                            .put("driver", g.path("driver").asText()).put("handle", g.path("handle").asInt())
                            .put("attachment", foreign);
                }
            }
        }
        long bytes = 0;
        long attachments = 0;
        long holders = 0;
        long mappings = 0;
        for (ObjectNode b : bufs.values()) {
            b.putIfAbsent("name", null);
            long foreignImports = 0;
            for (JsonNode i : b.get("importedBy")) {
                foreignImports += i.path("attachment").asBoolean() ? 1 : 0;
            }
            long count = expectedCount(b);
            b.put("count", count);
            b.put("attachments", foreignImports);
            bytes += b.path("size").asLong();
            attachments += foreignImports;
            holders += b.get("holders").size();
            mappings += b.get("mappings").size();
        }
        long drmFds = 0;
        for (JsonNode p : reports) {
            drmFds += p.path("drmFds").size();
        }
        ArrayNode arr = m.putArray("dmaBufs");
        bufs.values().forEach(arr::add);
        ObjectNode t = m.putObject("expect");
        t.put("dmabufs", bufs.size());
        t.put("dmabufBytes", bytes);
        t.put("attachments", attachments);
        t.put("clients", drmFds);
        t.put("holders", holders + drmFds);
        t.put("mappings", mappings);
        t.put("flinkNames", 0);
        return m;
    }

    private static ObjectNode buf(Map<Long, ObjectNode> bufs, long ino) {
        return bufs.computeIfAbsent(ino, i -> ChildProcess.JSON.createObjectNode().put("ino", i));
    }

    private static ObjectNode known(Map<Long, ObjectNode> bufs, long ino) throws IOException {
        ObjectNode b = bufs.get(ino);
        if (b == null) {
            throw new IOException("dma-buf ino " + ino + " is held but no step created it");
        }
        return b;
    }

    private static String readOr(Path p, String fallback) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return fallback;
        }
    }

    static List<Long> inos(JsonNode manifest) {
        List<Long> out = new ArrayList<>();
        manifest.path("dmaBufs").forEach(b -> out.add(b.path("ino").asLong()));
        return out;
    }

    /** The number of dma-bufs in the system (bufinfo), or -1 when bufinfo is not readable. */
    public static long dmaBufCount() {
        dev.gemscope.backend.source.ReadResult r = dev.gemscope.backend.source.SystemRoot.live()
                .read(dev.gemscope.backend.parse.dmabuf.BufinfoParser.PATH);
        if (!r.ok()) {
            return -1;
        }
        var b = dev.gemscope.backend.parse.dmabuf.BufinfoParser.parse(r.text());
        return b.totals().map(t -> t.objects()).orElse((long) b.buffers().size());
    }

    /** The modelled bufinfo count of one manifest dma-buf (see the class comment). */
    public static long expectedCount(JsonNode b) {
        long foreignImports = 0;
        for (JsonNode i : b.path("importedBy")) {
            foreignImports += i.path("attachment").asBoolean() ? 1 : 0;
        }
        return b.path("holders").size() + b.path("mappings").size()
                + (b.path("exporterObjectHasHandle").asBoolean() ? 2 : 0) + 3 * foreignImports;
    }
}
