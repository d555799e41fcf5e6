package dev.gemscope.backend.parse.i915;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of {@code i915_gem_framebuffer}.
 *
 * @param kind {@code fbcon} (the fbdev console framebuffer) or {@code user}
 * @param width width in pixels
 * @param height height in pixels
 * @param depth colour depth
 * @param bitsPerPixel bits per pixel
 * @param modifier 4.8+ (4.19 read): format modifier ({@code 0x%llx}), unsigned 64-bit bit pattern
 * @param refcount 3.10+ (3.10 and 4.19 read): framebuffer reference count; 3.6 printed none
 * @param object the backing GEM object, empty when no describe_obj text followed {@code obj} or it
 *     could not be read (then a warning says why)
 * @param line 1-based line number
 */
public record FramebufferRow(Kind kind, long width, long height, long depth, long bitsPerPixel,
        OptionalLong modifier, OptionalLong refcount, Optional<DescribedObject> object, int line) {

    /** Which prefix the line had. */
    public enum Kind { FBCON, USER }
}
