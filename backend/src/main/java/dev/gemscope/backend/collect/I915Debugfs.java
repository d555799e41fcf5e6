package dev.gemscope.backend.collect;

import dev.gemscope.backend.parse.i915.I915Framebuffers;
import dev.gemscope.backend.parse.i915.I915GemObjects;
import dev.gemscope.backend.parse.i915.I915ObjectList;
import java.util.List;
import java.util.Optional;

/**
 * The i915 debugfs object files of one device: the {@code i915_gem_objects} summary, the legacy
 * per-object lists (≤4.x) and {@code i915_gem_framebuffer}.
 */
record I915Debugfs(Optional<I915GemObjects> summary, List<I915ObjectList> lists, Optional<I915Framebuffers> framebuffers) {

    I915Debugfs {
        lists = List.copyOf(lists);
    }
}
