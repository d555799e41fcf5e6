package dev.gemscope.backend.parse.proc;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.proc.FdLink.DrmNodeKind;
import dev.gemscope.backend.parse.proc.FdLink.Kind;

/**
 * Classifies a {@code /proc/PID/fd/N} readlink target. The same names appear in the path column
 * of {@code /proc/PID/maps}, so {@link MapsParser} uses this too. Never fails: unknown targets are
 * {@link Kind#OTHER}.
 */
public final class FdLinkParser {

    static final String DMABUF_PREFIX = "/dmabuf:";
    static final String DMABUF_ANON = "anon_inode:dmabuf";
    static final String DRI_PREFIX = "/dev/dri/";
    static final String DELETED = " (deleted)";
    private static final String SYNC_FILE = "anon_inode:sync_file";
    private static final String HEAP_PREFIX = "/dev/dma_heap/";
    private static final String UDMABUF = "/dev/udmabuf";
    /** MINORBITS in include/linux/kdev_t.h. */
    private static final long MAX_MINOR = (1L << 20) - 1;

    private FdLinkParser() {
    }

    /** Classifies one link target; null is treated as an empty target. */
    public static FdLink parse(String target) {
        String t = target == null ? "" : target;
        if (t.startsWith(DMABUF_PREFIX)) {
            // A d_dname() name: never gets " (deleted)", and the user-set part is kept as is.
            return simple(t, Kind.DMA_BUF, t.substring(DMABUF_PREFIX.length()), false);
        }
        if (t.equals(DMABUF_ANON)) {
            return simple(t, Kind.DMA_BUF_ANON, "", false);
        }
        if (t.equals(SYNC_FILE)) {
            return simple(t, Kind.SYNC_FILE, "", false);
        }
        boolean deleted = t.endsWith(DELETED);
        String path = deleted ? t.substring(0, t.length() - DELETED.length()) : t;
        if (path.startsWith(DRI_PREFIX) && path.length() > DRI_PREFIX.length()
                && path.indexOf('/', DRI_PREFIX.length()) < 0) {
            return drmNode(t, path.substring(DRI_PREFIX.length()), deleted);
        }
        if (path.startsWith(HEAP_PREFIX) && path.length() > HEAP_PREFIX.length()) {
            return simple(t, Kind.DMA_HEAP, path.substring(HEAP_PREFIX.length()), deleted);
        }
        if (path.equals(UDMABUF)) {
            return simple(t, Kind.UDMABUF, "", deleted);
        }
        return simple(t, Kind.OTHER, "", deleted);
    }

    private static FdLink drmNode(String target, String node, boolean deleted) {
        Optional<DrmNodeKind> kind = Optional.empty();
        String digits = "";
        if (node.startsWith("renderD")) {
            kind = Optional.of(DrmNodeKind.RENDER);
            digits = node.substring("renderD".length());
        } else if (node.startsWith("controlD")) {
            kind = Optional.of(DrmNodeKind.CONTROL);
            digits = node.substring("controlD".length());
        } else if (node.startsWith("card")) {
            kind = Optional.of(DrmNodeKind.PRIMARY);
            digits = node.substring("card".length());
        }
        OptionalInt minor = minorOf(digits);
        if (minor.isEmpty()) {
            // "card0-eDP-1" style names are sysfs connectors, not nodes; keep only the path.
            kind = Optional.empty();
        }
        return new FdLink(target, Kind.DRM_NODE, node, kind, minor, deleted);
    }

    private static OptionalInt minorOf(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        OptionalLong n = Numbers.unsignedDecimal(digits);
        return n.isPresent() && n.getAsLong() >= 0 && n.getAsLong() <= MAX_MINOR
                ? OptionalInt.of((int) n.getAsLong()) : OptionalInt.empty();
    }

    private static FdLink simple(String target, Kind kind, String name, boolean deleted) {
        return new FdLink(target, kind, name, Optional.empty(), OptionalInt.empty(), deleted);
    }
}
