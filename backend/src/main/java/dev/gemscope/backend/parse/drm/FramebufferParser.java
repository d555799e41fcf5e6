package dev.gemscope.backend.parse.drm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;
import dev.gemscope.backend.parse.drm.Framebuffers.Framebuffer;
import dev.gemscope.backend.parse.drm.Framebuffers.GemObjectInfo;
import dev.gemscope.backend.parse.drm.Framebuffers.Plane;

/**
 * Parses debugfs {@code /sys/kernel/debug/dri/<n>/framebuffer} (in the device directory on 6.7+):
 * every KMS framebuffer with, per plane, the GEM object behind it.
 *
 * <p>Producers: {@code drivers/gpu/drm/drm_framebuffer.c: drm_framebuffer_info()} prints
 * {@code "framebuffer[%u]:"} per framebuffer id and calls {@code drm_framebuffer_print_info(p, 1, fb)};
 * {@code drm_gem.c: drm_gem_print_info(p, 3, obj)} prints each plane's object. Indentation is one tab
 * per level ({@code drm_printf_indent}). Layout (tabs shown as {@code →}):
 * <pre>
 * framebuffer[42]:
 * →allocated by = Xorg                      comm of the creator (may contain spaces)
 * →refcount=2
 * →format=XR24 little-endian (0x34325258)   drm_get_format_name() ≤5.13, %p4cc 5.14+; same shape
 * →modifier=0x0                             %llx
 * →size=1920x1080
 * →layers:
 * →→size[0]=1920x1080
 * →→pitch[0]=7680
 * →→offset[0]=0
 * →→obj[0]:                                 "obj[0]:(null)" when the plane has no GEM object
 * →→→name=0                                 flink name, 0 if none
 * →→→refcount=3
 * →→→start=00100000                         drm_vma_node_start(): the mmap fake offset in PAGES (%08lx)
 * →→→size=8294400                           bytes (%zu)
 * →→→imported=no                            yes = the object wraps a dma-buf from another device
 * →→→…                                      the driver's print_info lines (shmem, dma, ttm helpers)
 * </pre>
 *
 * <p>Version notes (checked in kernel source with the code search): the file and both print
 * functions are absent in 4.12 and present in 4.18 (added with "drm/framebuffer: Add framebuffer
 * debugfs file", ≈4.15). {@code imported=} has been printed by {@code drm_gem_print_info()} in every
 * version found (4.18, 5.x, 6.x, 7.x): first {@code obj->import_attach ? "yes" : "no"}, later
 * {@code yesno()}/{@code str_yes_no()} with the same words; in 2025 (≈6.15) the test became
 * {@code drm_gem_is_imported()} ({@code dma_buf->priv != obj}) and was switched back to
 * {@code import_attach} before the release (both patches also went to 6.12 stable), so the value
 * means "imported through PRIME from a dma-buf" throughout. Driver lines come from
 * {@code drm_gem_object_funcs.print_info} (older kernels: also {@code drm_driver.gem_print_info}).
 * The layout has not changed otherwise, so no era enum is exposed.
 */
public final class FramebufferParser {

    private static final Pattern HEADER = Pattern.compile("framebuffer\\[(\\d+)]:\\s*");
    private static final Pattern PLANE_KEY = Pattern.compile("(size|pitch|offset|obj)\\[(\\d+)][=:](.*)");
    private static final Pattern FOURCC = Pattern.compile("\\(0x([0-9a-fA-F]+)\\)\\s*$");
    private static final String ALLOCATED_BY = "allocated by =";

    private FramebufferParser() {
    }

    /** Parses the text of a {@code framebuffer} file; never throws. */
    public static Framebuffers parse(String text, String source) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<String> lines = DrmText.completeLines(text, source, warnings);
        List<Framebuffer> done = new ArrayList<>();
        FbBuilder fb = null;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.stripLeading();
            if (line.isEmpty()) {
                continue;
            }
            Matcher header = HEADER.matcher(raw);
            if (header.matches()) {
                OptionalLong id = Numbers.unsignedDecimal(header.group(1));
                if (fb != null) {
                    done.add(fb.build());
                }
                fb = new FbBuilder(id.orElse(-1));
                continue;
            }
            if (fb == null) {
                warnings.add(new ParseWarning(source, i + 1, raw, "line before the first framebuffer[id]: header"));
                continue;
            }
            Matcher plane = PLANE_KEY.matcher(line);
            if (plane.matches() && Numbers.decimal(plane.group(2)).isPresent()) {
                fb.planeLine(plane.group(1), (int) Numbers.decimal(plane.group(2)).getAsLong(), plane.group(3));
            } else if (fb.object != null) {
                fb.object.line(line);
            } else if (!fb.framebufferLine(line)) {
                fb.other.add(line);
                warnings.add(new ParseWarning(source, i + 1, raw, "unknown framebuffer line kept raw"));
            }
        }
        if (fb != null) {
            done.add(fb.build());
        }
        return new Framebuffers(done, warnings);
    }

    private static final class FbBuilder {
        private final long id;
        private String allocatedBy = "";
        private OptionalLong refcount = OptionalLong.empty();
        private String format = "";
        private OptionalLong modifier = OptionalLong.empty();
        private long[] size;
        private final List<PlaneBuilder> planes = new ArrayList<>();
        private final List<String> other = new ArrayList<>();
        private ObjectBuilder object;

        FbBuilder(long id) {
            this.id = id;
        }

        /** A framebuffer-level line; false if not recognised. */
        boolean framebufferLine(String line) {
            if (line.startsWith(ALLOCATED_BY)) {
                String rest = line.substring(ALLOCATED_BY.length());
                allocatedBy = rest.startsWith(" ") ? rest.substring(1) : rest;
            } else if (line.startsWith("refcount=")) {
                refcount = Numbers.unsignedDecimal(value(line));
            } else if (line.startsWith("format=")) {
                format = value(line).strip();
            } else if (line.startsWith("modifier=")) {
                modifier = Numbers.hex(value(line));
            } else if (line.startsWith("size=")) {
                size = dimensions(value(line));
            } else {
                return line.strip().equals("layers:");
            }
            return true;
        }

        void planeLine(String key, int index, String value) {
            object = null;
            PlaneBuilder plane = planes.stream().filter(p -> p.index == index).findFirst().orElse(null);
            if (plane == null) {
                plane = new PlaneBuilder(index);
                planes.add(plane);
            }
            switch (key) {
                case "size" -> plane.size = dimensions(value);
                case "pitch" -> plane.pitch = Numbers.unsignedDecimal(value.strip());
                case "offset" -> plane.offset = Numbers.unsignedDecimal(value.strip());
                default -> {
                    if (!value.strip().equals("(null)")) {
                        object = new ObjectBuilder();
                        plane.object = object;
                    }
                }
            }
        }

        Framebuffer build() {
            OptionalLong fourcc = OptionalLong.empty();
            Matcher m = FOURCC.matcher(format);
            if (m.find()) {
                fourcc = Numbers.hex(m.group(1));
            }
            List<Plane> built = new ArrayList<>();
            for (PlaneBuilder p : planes) {
                built.add(p.build());
            }
            return new Framebuffer(id, allocatedBy, refcount, format, fourcc, modifier, dim(size, 0), dim(size, 1),
                    built, other);
        }
    }

    private static final class PlaneBuilder {
        private final int index;
        private long[] size;
        private OptionalLong pitch = OptionalLong.empty();
        private OptionalLong offset = OptionalLong.empty();
        private ObjectBuilder object;

        PlaneBuilder(int index) {
            this.index = index;
        }

        Plane build() {
            return new Plane(index, dim(size, 0), dim(size, 1), pitch, offset,
                    object == null ? Optional.empty() : Optional.of(object.build()));
        }
    }

    private static final class ObjectBuilder {
        private OptionalLong name = OptionalLong.empty();
        private OptionalLong refcount = OptionalLong.empty();
        private OptionalLong start = OptionalLong.empty();
        private OptionalLong size = OptionalLong.empty();
        private Optional<Boolean> imported = Optional.empty();
        private final List<String> driverLines = new ArrayList<>();

        /** Core fields end with {@code imported=}; everything after, or unknown, is the driver's. */
        void line(String line) {
            if (imported.isPresent()) {
                driverLines.add(line);
            } else if (line.startsWith("name=") && name.isEmpty()) {
                name = Numbers.decimal(value(line));
            } else if (line.startsWith("refcount=") && refcount.isEmpty()) {
                refcount = Numbers.unsignedDecimal(value(line));
            } else if (line.startsWith("start=") && start.isEmpty()) {
                start = Numbers.hex(value(line));
            } else if (line.startsWith("size=") && size.isEmpty()) {
                size = Numbers.unsignedDecimal(value(line));
            } else if (line.startsWith("imported=")) {
                imported = DrmText.yesNoWord(value(line));
                if (imported.isEmpty()) {
                    driverLines.add(line);
                }
            } else {
                driverLines.add(line);
            }
        }

        GemObjectInfo build() {
            return new GemObjectInfo(name, refcount, start, size, imported, driverLines);
        }
    }

    private static String value(String line) {
        return line.substring(line.indexOf('=') + 1).strip();
    }

    /** {@code %ux%u} / {@code %dx%d}; null if malformed. */
    private static long[] dimensions(String value) {
        String[] parts = value.strip().split("x", -1);
        if (parts.length != 2) {
            return null;
        }
        OptionalLong w = Numbers.decimal(parts[0]);
        OptionalLong h = Numbers.decimal(parts[1]);
        return w.isPresent() && h.isPresent() ? new long[] {w.getAsLong(), h.getAsLong()} : null;
    }

    private static OptionalLong dim(long[] size, int i) {
        return size == null ? OptionalLong.empty() : OptionalLong.of(size[i]);
    }
}
