package dev.gemscope.backend.parse.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;
import dev.gemscope.backend.parse.proc.ProcMaps.DmaBufNaming;

/**
 * Picks the GPU mappings out of {@code /proc/PID/maps} ({@code fs/proc/task_mmu.c:
 * show_map_vma()}, line format {@code %08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu }, then the path
 * space-padded to a column). Big processes have thousands of lines, so each line is only scanned
 * for the start of its path column and a few fixed prefixes; only matching lines are parsed.
 */
public final class MapsParser {

    /**
     * Start of the GEM fake offset range in bytes: {@code DRM_FILE_PAGE_OFFSET_START} is
     * {@code (0xFFFFFFFF >> PAGE_SHIFT) + 1} pages, which is 4 GiB whatever the page size
     * ({@code include/drm/drm_vma_manager.h}, 64-bit).
     */
    public static final long GEM_FAKE_OFFSET_START = 0x1_0000_0000L;
    /** x86_64 page size, used by {@link #isGemFakeOffset(long)}. */
    public static final long DEFAULT_PAGE_SIZE = 4096;

    private static final String I915_GEM = "anon_inode:i915.gem";
    private static final String[] SHMEM_NAMES = {"i915", "drm mm object", "i915-shmem-tt"};
    private static final int FIELDS_BEFORE_PATH = 5;

    private MapsParser() {
    }

    /**
     * True if a byte offset lies in {@code [4 GiB, 4 GiB + DRM_FILE_PAGE_OFFSET_SIZE)}, where
     * {@code DRM_FILE_PAGE_OFFSET_SIZE} is {@code (0xFFFFFFFF >> PAGE_SHIFT) * 256} pages
     * (about 1 TiB), for 4 KiB pages.
     */
    public static boolean isGemFakeOffset(long offset) {
        return isGemFakeOffset(offset, DEFAULT_PAGE_SIZE);
    }

    /** {@link #isGemFakeOffset(long)} for another page size (a power of two, e.g. arm64 16 KiB). */
    public static boolean isGemFakeOffset(long offset, long pageSize) {
        if (pageSize <= 0) {
            return false;
        }
        long sizeBytes = (0xFFFF_FFFFL / pageSize) * 256 * pageSize;
        return offset >= GEM_FAKE_OFFSET_START && offset - GEM_FAKE_OFFSET_START < sizeBytes;
    }

    /** Parses maps text; {@code source} names it in warnings (e.g. {@code /proc/42/maps}). */
    public static ProcMaps parse(String text, String source) {
        List<GpuMapping> mappings = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        String t = text == null ? "" : text;
        DmaBufNaming naming = DmaBufNaming.NONE_SEEN;
        int[] spaces = new int[FIELDS_BEFORE_PATH];
        int lineNo = 0;
        int pos = 0;
        while (pos < t.length()) {
            int newline = t.indexOf('\n', pos);
            lineNo++;
            if (newline < 0) {
                warnings.add(new ParseWarning(source, lineNo, t.substring(pos), "last line cut off (truncated read)"));
                break;
            }
            int pathStart = pathStart(t, pos, newline, spaces);
            if (pathStart >= 0 && mayBeGpu(t, pathStart)) {
                GpuMapping m = parseLine(t, pos, newline, pathStart, spaces, lineNo, source, warnings);
                if (m != null) {
                    mappings.add(m);
                    if (m.kind() == GpuMapping.Kind.DMA_BUF) {
                        naming = DmaBufNaming.DMABUF_FS;
                    } else if (m.kind() == GpuMapping.Kind.DMA_BUF_ANON && naming == DmaBufNaming.NONE_SEEN) {
                        naming = DmaBufNaming.ANON_INODE;
                    }
                }
            }
            pos = newline + 1;
        }
        return new ProcMaps(mappings, lineNo, naming, warnings);
    }

    /** Index of the path column, recording the five field-ending spaces; -1 if there is no path. */
    private static int pathStart(String t, int from, int lineEnd, int[] spaces) {
        int p = from;
        for (int f = 0; f < FIELDS_BEFORE_PATH; f++) {
            int sp = t.indexOf(' ', p);
            if (sp < 0 || sp >= lineEnd) {
                return -1;
            }
            spaces[f] = sp;
            p = sp + 1;
        }
        while (p < lineEnd && t.charAt(p) == ' ') {
            p++;
        }
        return p < lineEnd ? p : -1;
    }

    /** Cheap prefix test, no allocation: could the path at {@code p} be one gemscope cares about? */
    private static boolean mayBeGpu(String t, int p) {
        return switch (t.charAt(p)) {
            case '/' -> t.startsWith(FdLinkParser.DMABUF_PREFIX, p) || t.startsWith(FdLinkParser.DRI_PREFIX, p)
                    || t.startsWith("/i915", p) || t.startsWith("/drm mm object", p);
            case 'a' -> t.startsWith(FdLinkParser.DMABUF_ANON, p) || t.startsWith(I915_GEM, p);
            case 'i' -> t.startsWith("i915-shmem-tt", p);
            default -> false;
        };
    }

    private static GpuMapping parseLine(String t, int from, int lineEnd, int pathStart, int[] sp, int lineNo,
            String source, List<ParseWarning> warnings) {
        String path = t.substring(pathStart, lineEnd);
        FdLink link = FdLinkParser.parse(path);
        GpuMapping.Kind kind;
        String name = link.name();
        switch (link.kind()) {
            case DMA_BUF -> kind = GpuMapping.Kind.DMA_BUF;
            case DMA_BUF_ANON -> kind = GpuMapping.Kind.DMA_BUF_ANON;
            case DRM_NODE -> kind = GpuMapping.Kind.DRM_NODE;
            default -> {
                name = shmemName(path);
                kind = path.equals(I915_GEM) ? GpuMapping.Kind.I915_GEM
                        : name.isEmpty() ? null : GpuMapping.Kind.SHMEM_GEM;
            }
        }
        if (kind == null) {
            return null; // e.g. "/i915-foo.so": shares a prefix, is not a GEM mapping
        }
        String range = t.substring(from, sp[0]);
        int dash = range.indexOf('-');
        String dev = t.substring(sp[2] + 1, sp[3]);
        int colon = dev.indexOf(':');
        String perms = t.substring(sp[0] + 1, sp[1]);
        OptionalLong start = dash < 0 ? OptionalLong.empty() : Numbers.hex(range.substring(0, dash));
        OptionalLong end = dash < 0 ? OptionalLong.empty() : Numbers.hex(range.substring(dash + 1));
        OptionalLong offset = Numbers.hex(t.substring(sp[1] + 1, sp[2]));
        OptionalLong major = colon < 0 ? OptionalLong.empty() : Numbers.hex(dev.substring(0, colon));
        OptionalLong minor = colon < 0 ? OptionalLong.empty() : Numbers.hex(dev.substring(colon + 1));
        OptionalLong inode = Numbers.unsignedDecimal(t.substring(sp[3] + 1, sp[4]));
        if (start.isEmpty() || end.isEmpty() || offset.isEmpty() || inode.isEmpty() || perms.length() != 4
                || !fitsInt(major) || !fitsInt(minor)) {
            warnings.add(new ParseWarning(source, lineNo, t.substring(from, lineEnd), "malformed maps line"));
            return null;
        }
        boolean fake = (kind == GpuMapping.Kind.DRM_NODE || kind == GpuMapping.Kind.I915_GEM)
                && isGemFakeOffset(offset.getAsLong());
        boolean deleted = path.endsWith(FdLinkParser.DELETED);
        return new GpuMapping(start.getAsLong(), end.getAsLong(), perms, offset.getAsLong(), (int) major.getAsLong(),
                (int) minor.getAsLong(), inode.getAsLong(), path, kind, kind == GpuMapping.Kind.I915_GEM ? "" : name,
                deleted, fake);
    }

    /**
     * The shmem file name of a GEM object's backing file, or {@code ""}. The kernel names these
     * files with {@code shmem_file_setup("i915" | "drm mm object" | "i915-shmem-tt")}; they are
     * never linked, so {@code d_path} prints {@code /NAME (deleted)}. Both decorations are optional
     * here in case a private mount (i915 gemfs) or an older kernel prints them differently.
     */
    private static String shmemName(String path) {
        String p = path.endsWith(FdLinkParser.DELETED) ? path.substring(0, path.length() - FdLinkParser.DELETED.length())
                : path;
        p = p.startsWith("/") ? p.substring(1) : p;
        for (String name : SHMEM_NAMES) {
            if (p.equals(name)) {
                return name;
            }
        }
        return "";
    }

    private static boolean fitsInt(OptionalLong v) {
        return v.isPresent() && v.getAsLong() >= 0 && v.getAsLong() <= Integer.MAX_VALUE;
    }
}
