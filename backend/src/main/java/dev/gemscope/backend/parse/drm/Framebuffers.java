package dev.gemscope.backend.parse.drm;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * The parsed debugfs {@code framebuffer} file (see {@link FramebufferParser}).
 *
 * @param framebuffers the framebuffers in kernel list order
 * @param warnings lines not understood
 */
public record Framebuffers(List<Framebuffer> framebuffers, List<ParseWarning> warnings) {

    public Framebuffers {
        framebuffers = List.copyOf(framebuffers);
        warnings = List.copyOf(warnings);
    }

    /**
     * One KMS framebuffer.
     *
     * @param id the framebuffer (KMS object) id; -1 if it could not be read
     * @param allocatedBy comm of the task that created it, verbatim (may contain spaces; may be empty)
     * @param refcount framebuffer references
     * @param format the format text, e.g. {@code XR24 little-endian (0x34325258)}
     * @param fourcc the DRM fourcc code from the parenthesised hex in {@code format}
     * @param modifier the format modifier (0 = linear); values above 2^63 keep their bit pattern
     * @param width width in pixels
     * @param height height in pixels
     * @param planes the colour planes, in index order
     * @param otherLines framebuffer-level lines not understood, kept raw (also reported as warnings)
     */
    public record Framebuffer(long id, String allocatedBy, OptionalLong refcount, String format,
            OptionalLong fourcc, OptionalLong modifier, OptionalLong width, OptionalLong height,
            List<Plane> planes, List<String> otherLines) {
        public Framebuffer {
            planes = List.copyOf(planes);
            otherLines = List.copyOf(otherLines);
        }
    }

    /**
     * One plane of a framebuffer.
     *
     * @param index plane index (0–3)
     * @param width plane width in pixels
     * @param height plane height in pixels
     * @param pitch bytes per line
     * @param offset byte offset of the plane inside its GEM object
     * @param object the GEM object backing the plane; empty for {@code obj[i]:(null)}
     */
    public record Plane(int index, OptionalLong width, OptionalLong height, OptionalLong pitch,
            OptionalLong offset, Optional<GemObjectInfo> object) {
    }

    /**
     * A GEM object as printed by {@code drm_gem_print_info()}.
     *
     * @param flinkName the global flink name, 0 if the object has none
     * @param refcount kernel references to the object
     * @param vmaStartPages {@code drm_vma_node_start()}: the mmap fake offset in pages (multiply by
     *     the page size to compare with a {@code /proc/PID/maps} offset); 0 if never mapped
     * @param size size in bytes
     * @param imported true if the object was imported from a dma-buf of another device
     *     ({@code import_attach} set: sg_table backing, no shmem pages); a direct backing signal
     * @param driverLines the driver's {@code print_info} lines, leading indentation removed
     */
    public record GemObjectInfo(OptionalLong flinkName, OptionalLong refcount, OptionalLong vmaStartPages,
            OptionalLong size, Optional<Boolean> imported, List<String> driverLines) {
        public GemObjectInfo {
            driverLines = List.copyOf(driverLines);
        }
    }
}
