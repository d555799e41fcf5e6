package dev.gemscope.backend.parse.i915;

import java.util.List;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * Parsed {@code i915_gem_framebuffer}.
 *
 * @param framebuffers one row per framebuffer line, fbcon first as the kernel prints it
 * @param truncated the text lacked its final newline, so the last line was dropped
 * @param warnings lines or object parts that were not understood
 */
public record I915Framebuffers(List<FramebufferRow> framebuffers, boolean truncated, List<ParseWarning> warnings) {

    public I915Framebuffers {
        framebuffers = List.copyOf(framebuffers);
        warnings = List.copyOf(warnings);
    }
}
