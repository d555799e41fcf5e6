package dev.gemscope.backend.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.DrmNode;
import dev.gemscope.backend.drm.DrmUapi;
import dev.gemscope.backend.drm.DumbBuffer;
import dev.gemscope.backend.drm.HolderProcess;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.drm.UnixListener;
import dev.gemscope.backend.drm.UnixSocket;
import dev.gemscope.backend.drm.jnr.JnrDrmNative;
import dev.gemscope.backend.parse.drm.DrmNodeName;
import dev.gemscope.backend.source.SystemRoot;

/**
 * One process of a scenario: executes the steps the coordinator sends (one JSON object a line on
 * stdin), answers each with one line on stdout, and on {@code report} describes everything it
 * holds. stdin closing (or {@code stop}) makes it release everything in reverse order and exit.
 */
public final class ChildProcess {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXPORT_FLAGS = DrmUapi.DRM_CLOEXEC | DrmUapi.DRM_RDWR;
    private static final int RW = LinuxUapi.PROT_READ | LinuxUapi.PROT_WRITE;

    private final String name;
    private final DrmNative drm;
    private final UnixListener listener;

    private final Map<String, Drm> drms = new LinkedHashMap<>();
    private final Map<String, Gem> gems = new LinkedHashMap<>();
    private final Map<String, Buf> bufs = new LinkedHashMap<>();
    private final Map<String, MemFd> memfds = new LinkedHashMap<>();
    private final List<Map_> maps = new ArrayList<>();
    private final List<ObjectNode> fences = new ArrayList<>();
    private final List<ObjectNode> failures = new ArrayList<>();
    private final List<ObjectNode> closed = new ArrayList<>();
    /** Light holder processes this process spawned, and what each holds. */
    private final List<Spawned> spawned = new ArrayList<>();
    /** dma-bufs made by {@code bulk} (too many for step results), for the manifest. */
    private final ArrayNode created = JSON.createArrayNode();

    private record Spawned(String name, HolderProcess process, ArrayNode fds) {
    }

    private record Drm(String alias, DrmFile file, String driver, String path, long minor) {
    }

    private static final class Gem {
        String alias;
        String drm;
        int handle;
        long size;
        String how;
        Long ino;
        boolean open = true;
    }

    private record Buf(String alias, DmaBufFile file, long ino, long size, String origin) {
    }

    private record Map_(String buf, long ino, long length, Mapping mapping) {
    }

    private ChildProcess(String name, Path socketDir) throws DrmException {
        this.name = name;
        this.drm = JnrDrmNative.load(SystemRoot.live());
        this.listener = drm.unixListen(socketDir.resolve(name + ".sock"));
    }

    /** Runs a child until stdin closes; returns the exit status. */
    public static int run(String name, Path socketDir, InputStream in, PrintStream out) {
        ChildProcess child;
        try {
            child = new ChildProcess(name, socketDir);
        } catch (DrmException | LinkageError e) {
            out.println("{\"ok\":false,\"fatal\":" + JSON.valueToTree(String.valueOf(e.getMessage())) + "}");
            return 2;
        }
        out.println("{\"ok\":true,\"ready\":true,\"pid\":" + ProcessHandle.current().pid() + "}");
        out.flush();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode step = JSON.readTree(line);
                if ("stop".equals(step.path("op").asText())) {
                    break;
                }
                out.println(JSON.writeValueAsString(child.execute(step)));
                out.flush();
            }
        } catch (IOException e) {
            child.releaseAll();
            return 2;
        }
        child.releaseAll();
        out.println("{\"ok\":true,\"stopped\":true}");
        out.flush();
        return 0;
    }

    ObjectNode execute(JsonNode step) {
        ObjectNode reply = JSON.createObjectNode();
        String op = step.path("op").asText();
        try {
            if ("report".equals(op)) {
                reply.put("ok", true);
                reply.set("report", report());
                return reply;
            }
            ObjectNode rec = apply(op, step);
            reply.put("ok", true);
            reply.set("result", rec);
        } catch (DrmException e) {
            ObjectNode f = JSON.createObjectNode();
            f.put("step", step.path("index").asInt(-1));
            f.put("op", op);
            f.put("call", e.call());
            f.put("target", e.target());
            f.put("errno", e.errno());
            f.put("errnoName", e.errnoName());
            f.put("message", e.getMessage());
            String expect = step.path("expect").asText("");
            if (expect.equals(e.errnoName())) {
                failures.add(f);
                reply.put("ok", true);
                reply.put("expectedFailure", true);
                reply.set("failure", f);
            } else {
                reply.put("ok", false);
                reply.set("failure", f);
            }
            return reply;
        } catch (RuntimeException | IOException e) {
            reply.put("ok", false);
            reply.put("error", e.toString());
            return reply;
        }
        if (!step.path("expect").asText("").isEmpty()) {
            reply.put("ok", false);
            reply.put("error", "expected " + step.path("expect").asText() + " but the call succeeded");
        }
        return reply;
    }

    private ObjectNode apply(String op, JsonNode s) throws DrmException, IOException {
        ObjectNode rec = JSON.createObjectNode();
        switch (op) {
            case "open" -> {
                String driver = s.path("device").asText();
                DrmNodeName.Kind kind = "render".equals(s.path("node").asText("card"))
                        ? DrmNodeName.Kind.RENDER : DrmNodeName.Kind.PRIMARY;
                // Matched by the driver's own name (DRM_IOCTL_VERSION): sysfs names the PCI
                // function's driver (virtio-pci), not virtio_gpu.
                DrmNode node = null;
                DrmFile f = null;
                for (DrmNode n : drm.devices().list()) {
                    if (n.kind() != kind) {
                        continue;
                    }
                    DrmFile candidate = drm.devices().open(n);
                    if (candidate.version().name().equals(driver)) {
                        node = n;
                        f = candidate;
                        break;
                    }
                    candidate.close();
                }
                if (f == null) {
                    throw new DrmException("open", driver + " " + kind, 19, "no such node");
                }
                drms.put(s.path("as").asText(), new Drm(s.path("as").asText(), f, driver, node.path(), node.minor()));
                rec.put("fd", f.fd());
                rec.put("path", node.path());
            }
            case "dumb" -> {
                Drm d = drm(s.path("drm").asText());
                DumbBuffer b = d.file().createDumb(s.path("width").asInt(64), s.path("height").asInt(64),
                        s.path("bpp").asInt(32));
                Gem g = new Gem();
                g.alias = s.path("as").asText();
                g.drm = d.alias();
                g.handle = b.handle();
                g.size = b.size();
                g.how = "dumb";
                gems.put(g.alias, g);
                rec.put("handle", b.handle());
                rec.put("size", b.size());
            }
            case "export" -> {
                Gem g = gem(s.path("gem").asText());
                Drm d = drm(g.drm);
                DmaBufFile f = d.file().primeHandleToFd(g.handle, EXPORT_FLAGS);
                long ino = inode(f.fd());
                g.ino = ino;
                String exporter = "virtio_gpu".equals(d.driver()) ? "virtio_gpu" : "drm";
                Buf b = new Buf(s.path("as").asText(), f, ino, f.size(), "export:" + d.driver());
                bufs.put(b.alias(), b);
                rec.put("fd", f.fd());
                rec.put("ino", ino);
                rec.put("size", b.size());
                rec.put("exporter", exporter);
                rec.put("exporterDriver", d.driver());
            }
            case "udmabuf" -> {
                long size = s.path("size").asLong(65536);
                MemFd m = drm.memfd("gemscope-" + s.path("as").asText(), size, LinuxUapi.MFD_ALLOW_SEALING);
                memfds.put(s.path("as").asText(), m);
                m.addSeals(LinuxUapi.F_SEAL_SHRINK);
                DmaBufFile f = drm.udmabuf().create(m, 0, size, dev.gemscope.backend.drm.DmaBufUapi.UDMABUF_FLAGS_CLOEXEC);
                long ino = inode(f.fd());
                bufs.put(s.path("as").asText(), new Buf(s.path("as").asText(), f, ino, size, "udmabuf"));
                rec.put("fd", f.fd());
                rec.put("ino", ino);
                rec.put("size", size);
                rec.put("exporter", "udmabuf");
            }
            case "heap" -> {
                long size = s.path("size").asLong(65536);
                String heap = s.path("heap").asText("system");
                DmaBufFile f = drm.dmaHeaps().alloc(heap, size, LinuxUapi.O_RDWR | LinuxUapi.O_CLOEXEC);
                long ino = inode(f.fd());
                bufs.put(s.path("as").asText(), new Buf(s.path("as").asText(), f, ino, f.size(), "heap:" + heap));
                rec.put("fd", f.fd());
                rec.put("ino", ino);
                rec.put("size", f.size());
                rec.put("exporter", heap);
            }
            case "setname" -> {
                Buf b = buf(s.path("buf").asText());
                b.file().setName(s.path("name").asText());
                rec.put("ino", b.ino());
                rec.put("name", s.path("name").asText());
            }
            case "send" -> {
                Buf b = buf(s.path("buf").asText());
                Path peer = listener.path().resolveSibling(s.path("to").asText() + ".sock");
                try (UnixSocket sock = drm.unixConnect(peer)) {
                    sock.sendFd(b.file().fd(), b.alias().getBytes(StandardCharsets.UTF_8));
                }
                rec.put("ino", b.ino());
                rec.put("fd", b.file().fd());
            }
            case "recv" -> {
                UnixSocket.Received got;
                try (UnixSocket sock = listener.accept()) {
                    got = sock.receiveDmaBuf(256);
                }
                DmaBufFile f = got.dmaBuf();
                long ino = inode(f.fd());
                Buf b = new Buf(s.path("as").asText(), f, ino, f.size(), "received");
                bufs.put(b.alias(), b);
                rec.put("fd", f.fd());
                rec.put("ino", ino);
                rec.put("size", b.size());
                rec.put("sentAs", new String(got.message(), StandardCharsets.UTF_8));
            }
            case "import" -> {
                Drm d = drm(s.path("drm").asText());
                Buf b = buf(s.path("buf").asText());
                int h = d.file().primeFdToHandle(b.file());
                Gem g = new Gem();
                g.alias = s.path("as").asText();
                g.drm = d.alias();
                g.handle = h;
                g.size = b.size();
                g.how = "import";
                g.ino = b.ino();
                gems.put(g.alias, g);
                rec.put("handle", h);
                rec.put("ino", b.ino());
            }
            case "mmap" -> {
                Buf b = buf(s.path("buf").asText());
                long len = s.path("length").asLong(b.size());
                Mapping m = b.file().mmap(0, len, RW);
                byte[] mark = name.getBytes(StandardCharsets.US_ASCII);
                m.write(0, mark);
                maps.add(new Map_(b.alias(), b.ino(), len, m));
                rec.put("ino", b.ino());
                rec.put("length", len);
            }
            case "fence" -> {
                Gem g = gem(s.path("gem").asText());
                Drm d = drm(g.drm);
                int fence = d.file().vgem().orElseThrow(() -> new DrmException("fence", d.path(), 25, "not vgem"))
                        .fenceAttach(g.handle, s.path("write").asBoolean(true) ? 1 : 0);
                ObjectNode f = JSON.createObjectNode();
                f.put("drm", d.alias());
                f.put("gem", g.alias);
                f.put("fence", fence);
                f.put("write", s.path("write").asBoolean(true));
                if (g.ino != null) {
                    f.put("ino", g.ino);
                }
                fences.add(f);
                rec.put("fence", fence);
            }
            case "gemclose" -> {
                Gem g = gem(s.path("gem").asText());
                drm(g.drm).file().gemClose(g.handle);
                g.open = false;
                rec.put("handle", g.handle);
            }
            case "closefd" -> {
                Buf b = bufs.remove(s.path("buf").asText());
                if (b == null) {
                    throw new IllegalArgumentException("no dma-buf " + s.path("buf").asText());
                }
                rec.put("fd", b.file().fd());
                rec.put("ino", b.ino());
                b.file().close();
                closed.add(rec.deepCopy().put("what", "dma-buf " + b.alias()));
            }
            case "closedrm" -> {
                Drm d = drms.remove(s.path("drm").asText());
                if (d == null) {
                    throw new IllegalArgumentException("no DRM fd " + s.path("drm").asText());
                }
                rec.put("fd", d.file().fd());
                d.file().close();
                // Closing the DRM file releases every handle it had (drm_release → drm_gem_release).
                gems.values().stream().filter(g -> g.drm.equals(d.alias())).forEach(g -> g.open = false);
                closed.add(rec.deepCopy().put("what", "DRM fd " + d.alias() + " " + d.path()));
            }
            case "spawn" -> {
                // A light client: a holder process that inherits these dma-buf fds and does nothing else.
                List<Buf> held = new ArrayList<>();
                s.path("bufs").forEach(a -> held.add(buf(a.asText())));
                ArrayNode fds = JSON.createArrayNode();
                HolderProcess h = spawnHolding(held, fds);
                spawned.add(new Spawned(s.path("as").asText(), h, fds));
                rec.put("pid", h.pid());
                rec.set("fds", fds);
            }
            case "bulk" -> rec.setAll(bulk(s));
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
        return rec;
    }

    private HolderProcess spawnHolding(List<Buf> held, ArrayNode fds) throws DrmException {
        List<Integer> src = new ArrayList<>();
        held.forEach(b -> src.add(b.file().fd()));
        HolderProcess h = drm.spawnHolder(src, List.of(SLEEP, "infinity"));
        for (int i = 0; i < held.size(); i++) {
            Buf b = held.get(i);
            fds.addObject().put("alias", b.alias()).put("fd", h.fds().get(i)).put("ino", b.ino())
                    .put("size", b.size()).put("origin", "inherited from " + name);
        }
        return h;
    }

    /** {@code sleep} of the system: the holder program (coreutils). */
    private static final String SLEEP = Files.isExecutable(Path.of("/usr/bin/sleep")) ? "/usr/bin/sleep" : "/bin/sleep";

    /**
     * Many holders, each with many dma-bufs: udmabufs where /dev/udmabuf exists, else vgem dumb
     * buffers exported and their handles closed (the dma-buf keeps the GEM object). This process
     * keeps none of them: after each holder is spawned its own fds are closed, so every buffer has
     * exactly one fd, in its holder.
     */
    private ObjectNode bulk(JsonNode s) throws DrmException, IOException {
        int holders = s.path("holders").asInt(50);
        int per = s.path("perHolder").asInt(200);
        String prefix = s.path("prefix").asText("holder");
        boolean udmabuf = drm.udmabuf().available() && !s.path("forceDumb").asBoolean(false);
        Drm d = udmabuf ? null : drm(s.path("drm").asText());
        long size = 4096;
        long bytes = 0;
        for (int i = 0; i < holders; i++) {
            List<Buf> held = new ArrayList<>();
            try {
                for (int j = 0; j < per; j++) {
                    String alias = String.format("%s-%02d-%03d", prefix, i + 1, j + 1);
                    DmaBufFile f;
                    String exporter;
                    if (udmabuf) {
                        try (MemFd m = drm.memfd("gemscope-" + alias, size, LinuxUapi.MFD_ALLOW_SEALING)) {
                            m.addSeals(LinuxUapi.F_SEAL_SHRINK);
                            f = drm.udmabuf().create(m, 0, size, dev.gemscope.backend.drm.DmaBufUapi.UDMABUF_FLAGS_CLOEXEC);
                        }
                        exporter = "udmabuf";
                    } else {
                        DumbBuffer b = d.file().createDumb(32, 32, 32);
                        try {
                            f = d.file().primeHandleToFd(b.handle(), EXPORT_FLAGS);
                        } finally {
                            d.file().gemClose(b.handle());
                        }
                        exporter = "drm";
                    }
                    long ino = inode(f.fd());
                    Buf b = new Buf(alias, f, ino, f.size(), udmabuf ? "udmabuf" : "export:" + d.driver());
                    held.add(b);
                    created.addObject().put("ino", ino).put("size", b.size()).put("exporter", exporter)
                            .put("createdBy", name).put("how", udmabuf ? "udmabuf" : "export");
                    if (!udmabuf) {
                        ((ObjectNode) created.get(created.size() - 1)).put("exporterDriver", d.driver());
                    }
                    bytes += b.size();
                }
                ArrayNode fds = JSON.createArrayNode();
                HolderProcess h = spawnHolding(held, fds);
                spawned.add(new Spawned(String.format("%s-%02d", prefix, i + 1), h, fds));
            } finally {
                held.forEach(b -> b.file().close());
            }
        }
        ObjectNode rec = JSON.createObjectNode();
        rec.put("holders", holders);
        rec.put("dmaBufs", holders * per);
        rec.put("bytes", bytes);
        rec.put("allocator", udmabuf ? "udmabuf" : "vgem dumb + export");
        return rec;
    }

    private ObjectNode report() throws IOException {
        ObjectNode r = JSON.createObjectNode();
        r.put("name", name);
        r.put("pid", ProcessHandle.current().pid());
        r.put("comm", Files.readString(Path.of("/proc/self/comm")).trim());
        ArrayNode drmFds = r.putArray("drmFds");
        for (Drm d : drms.values()) {
            ObjectNode o = drmFds.addObject();
            o.put("alias", d.alias());
            o.put("fd", d.file().fd());
            o.put("path", d.path());
            o.put("driver", d.driver());
            o.put("minor", d.minor());
        }
        ArrayNode gemArr = r.putArray("gemObjects");
        for (Gem g : gems.values()) {
            ObjectNode o = gemArr.addObject();
            o.put("alias", g.alias);
            o.put("drm", g.drm);
            o.put("driver", drmDriverOf(g));
            o.put("handle", g.handle);
            o.put("size", g.size);
            o.put("how", g.how);
            if (g.ino != null) {
                o.put("dmaBufIno", g.ino);
            }
            o.put("open", g.open);
        }
        ArrayNode bufArr = r.putArray("dmaBufFds");
        for (Buf b : bufs.values()) {
            ObjectNode o = bufArr.addObject();
            o.put("alias", b.alias());
            o.put("fd", b.file().fd());
            o.put("ino", b.ino());
            o.put("size", b.size());
            o.put("origin", b.origin());
        }
        ArrayNode mapArr = r.putArray("mappings");
        for (Map_ m : maps) {
            ObjectNode o = mapArr.addObject();
            o.put("buf", m.buf());
            o.put("ino", m.ino());
            o.put("length", m.length());
        }
        r.set("fences", JSON.valueToTree(fences));
        r.set("failedCalls", JSON.valueToTree(failures));
        r.set("closed", JSON.valueToTree(closed));
        r.set("createdDmaBufs", created);
        ArrayNode sp = r.putArray("spawned");
        for (Spawned h : spawned) {
            ObjectNode o = sp.addObject();
            o.put("name", h.name());
            o.put("pid", h.process().pid());
            o.put("comm", "sleep");
            o.put("holder", true);
            o.put("spawnedBy", name);
            o.putArray("drmFds");
            o.putArray("gemObjects");
            o.set("dmaBufFds", h.fds());
            o.putArray("mappings");
            o.putArray("fences");
            o.putArray("failedCalls");
            o.putArray("closed");
        }
        return r;
    }

    private String drmDriverOf(Gem g) {
        Drm d = drms.get(g.drm);
        return d == null ? "closed" : d.driver();
    }

    /** Releases everything: mappings, dma-buf fds, memfds, then DRM fds (which drops handles). */
    void releaseAll() {
        spawned.forEach(h -> h.process().close());
        spawned.clear();
        for (int i = maps.size() - 1; i >= 0; i--) {
            maps.get(i).mapping().close();
        }
        maps.clear();
        bufs.values().forEach(b -> b.file().close());
        bufs.clear();
        memfds.values().forEach(MemFd::close);
        memfds.clear();
        drms.values().forEach(d -> d.file().close());
        drms.clear();
        listener.close();
        try {
            Files.deleteIfExists(listener.path());
        } catch (IOException e) {
            // the coordinator removes the directory
        }
    }

    private Drm drm(String alias) {
        Drm d = drms.get(alias);
        if (d == null) {
            throw new IllegalArgumentException("no DRM fd " + alias);
        }
        return d;
    }

    private Gem gem(String alias) {
        Gem g = gems.get(alias);
        if (g == null) {
            throw new IllegalArgumentException("no GEM object " + alias);
        }
        return g;
    }

    private Buf buf(String alias) {
        Buf b = bufs.get(alias);
        if (b == null) {
            throw new IllegalArgumentException("no dma-buf " + alias);
        }
        return b;
    }

    /** The inode of the file behind one of our fds (fstat through the /proc/self/fd magic link). */
    static long inode(int fd) throws IOException {
        return ((Number) Files.getAttribute(Path.of("/proc/self/fd/" + fd), "unix:ino")).longValue();
    }
}
