package dev.gemscope.backend.explain;

/**
 * One answer of the knowledge base.
 *
 * @param text one line a user can act on, e.g. what to do instead
 * @param expectedByDesign the kernel refuses this on purpose (true), or it points at misuse or a bug (false)
 * @param citation the kernel source that shows it, e.g. {@code drivers/gpu/drm/i915/gem/i915_gem_mman.c}
 */
public record Explanation(String text, boolean expectedByDesign, String citation) {
}
