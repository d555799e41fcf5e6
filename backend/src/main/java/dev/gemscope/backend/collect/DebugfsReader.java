package dev.gemscope.backend.collect;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.drm.ClientProcInfoParser;
import dev.gemscope.backend.parse.drm.DriClientsParser;
import dev.gemscope.backend.parse.drm.DriNameParser;
import dev.gemscope.backend.parse.drm.FramebufferParser;
import dev.gemscope.backend.parse.drm.Framebuffers;
import dev.gemscope.backend.parse.drm.GemNamesParser;
import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code /sys/kernel/debug/dri}. Before ≈6.7 each minor has a real directory ({@code dri/0},
 * {@code dri/128}); from ≈6.7 there is one directory per device named by its unique name and the
 * numbers are symlinks to it; 7.x adds {@code client-<id>} directories. Each real directory is read
 * once, however many links point at it.
 */
final class DebugfsReader {

    static final String DRI = "/sys/kernel/debug/dri";

    /** A 7.x {@code client-<id>/proc_info}: which process owns a DRM client id. */
    record ClientOwner(long clientId, long pid, String comm, String deviceDir) {
    }

    /** Everything read. */
    record Result(List<DebugfsDir> dirs, List<ClientOwner> clientOwners) {
    }

    private final SystemRoot root;
    private final SourceLog log;
    private final I915DebugfsReader i915;

    DebugfsReader(SystemRoot root, SourceLog log) {
        this.root = root;
        this.log = log;
        this.i915 = new I915DebugfsReader(root, log);
    }

    Result read() {
        SystemRoot.Listing dri = root.list(DRI);
        log.read(DRI, dri.status(), "", dri.ok() ? dri.names().size() + " entries" : dri.detail());
        if (!dri.ok()) {
            log.missing("debugfs", "DRM clients' master/auth state, flink names, framebuffers, i915 object lists",
                    dri.status() == ReadResult.Status.DENIED ? "permission denied" : "not mounted or no DRM debugfs",
                    "run as root with debugfs mounted at /sys/kernel/debug");
            return new Result(List.of(), List.of());
        }
        Map<String, Integer> realDirs = new LinkedHashMap<>();
        List<ClientOwner> owners = new ArrayList<>();
        for (String entry : dri.names()) {
            if (entry.startsWith("client-")) {
                readClientOwner(entry).ifPresent(owners::add);
                continue;
            }
            ReadResult link = root.readLink(DRI + "/" + entry);
            String real = link.ok() ? basename(link.text()) : entry;
            OptionalLong minor = Numbers.decimal(entry);
            int minorIndex = !link.ok() && minor.isPresent() && isDigits(entry) ? (int) minor.getAsLong() : -1;
            if (root.isDirectory(DRI + "/" + real)) {
                realDirs.merge(real, minorIndex, Math::max);
            }
        }
        List<DebugfsDir> dirs = new ArrayList<>();
        for (Map.Entry<String, Integer> e : realDirs.entrySet()) {
            DebugfsDir dir = readDir(DRI + "/" + e.getKey(), e.getValue());
            // Pre-6.7 kernels also give the render minor a directory with its own (mostly empty) files.
            if (dir.name().isPresent() || !dir.clients().isEmpty() || !dir.gemNames().isEmpty()) {
                dirs.add(dir);
            }
        }
        return new Result(dirs, owners);
    }

    private DebugfsDir readDir(String path, int minorIndex) {
        Optional<DriNameParser.DriName> name = readParsed(path + "/name", t -> DriNameParser.parse(t, path + "/name"))
                .map(n -> {
                    log.warnings(n.warnings());
                    return n;
                });
        List<DriClientsParser.Client> clients = readParsed(path + "/clients", t -> DriClientsParser.parse(t, path + "/clients"))
                .map(c -> {
                    log.warnings(c.warnings());
                    log.read(path + "/clients", ReadResult.Status.OK, c.variant().name(), c.clients().size() + " clients");
                    return c.clients();
                }).orElse(List.of());
        List<GemNamesParser.GemName> names = readParsed(path + "/gem_names", t -> GemNamesParser.parse(t, path + "/gem_names"))
                .map(g -> {
                    log.warnings(g.warnings());
                    return g.objects();
                }).orElse(List.of());
        List<Framebuffers.Framebuffer> fbs = readParsed(path + "/framebuffer", t -> FramebufferParser.parse(t, path + "/framebuffer"))
                .map(f -> {
                    log.warnings(f.warnings());
                    return f.framebuffers();
                }).orElse(List.of());
        boolean isI915 = name.map(n -> "i915".equals(n.driver())).orElse(false);
        return new DebugfsDir(path, minorIndex, name, clients, names, fbs,
                isI915 ? Optional.of(i915.read(path)) : Optional.empty());
    }

    private Optional<ClientOwner> readClientOwner(String entry) {
        OptionalLong id = Numbers.unsignedDecimal(entry.substring("client-".length()));
        String path = DRI + "/" + entry;
        ReadResult info = root.read(path + "/proc_info");
        if (id.isEmpty() || !info.ok()) {
            return Optional.empty();
        }
        ClientProcInfoParser.ProcInfo parsed = ClientProcInfoParser.parse(info.text(), info.path());
        log.warnings(parsed.warnings());
        ReadResult device = root.readLink(path + "/device");
        if (parsed.pid().isEmpty() || parsed.taskGone()) {
            return Optional.empty();
        }
        return Optional.of(new ClientOwner(id.getAsLong(), parsed.pid().getAsLong(), parsed.comm().orElse("?"),
                device.ok() ? basename(device.text()) : ""));
    }

    private <T> Optional<T> readParsed(String path, java.util.function.Function<String, T> parser) {
        ReadResult r = root.read(path);
        if (!r.ok()) {
            if (r.status() == ReadResult.Status.DENIED) {
                log.read(r, "");
            }
            return Optional.empty();
        }
        if (r.truncated()) {
            log.read(r, "");
        }
        return Optional.of(parser.apply(r.text()));
    }

    static String basename(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
