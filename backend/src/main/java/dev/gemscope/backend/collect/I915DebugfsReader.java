package dev.gemscope.backend.collect;

import dev.gemscope.backend.parse.i915.I915FramebufferParser;
import dev.gemscope.backend.parse.i915.I915Framebuffers;
import dev.gemscope.backend.parse.i915.I915GemObjects;
import dev.gemscope.backend.parse.i915.I915GemObjectsParser;
import dev.gemscope.backend.parse.i915.I915ObjectList;
import dev.gemscope.backend.parse.i915.I915ObjectListParser;
import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the i915 object files of one debugfs directory (kernel-interfaces.md §4.5). */
final class I915DebugfsReader {

    /** The per-object lists of 3.x – 4.x kernels; gone by 5.4. */
    static final List<String> LEGACY_LISTS = List.of(
            "i915_gem_gtt", "i915_gem_pinned", "i915_gem_active", "i915_gem_inactive", "i915_gem_stolen");

    private final SystemRoot root;
    private final SourceLog log;

    I915DebugfsReader(SystemRoot root, SourceLog log) {
        this.root = root;
        this.log = log;
    }

    I915Debugfs read(String dir) {
        Optional<I915GemObjects> summary = text(dir + "/i915_gem_objects").map(r -> {
            I915GemObjects parsed = I915GemObjectsParser.parse(r.text(), r.path());
            log.read(r, parsed.era().name());
            log.warnings(parsed.warnings());
            return parsed;
        });
        List<I915ObjectList> lists = new ArrayList<>();
        for (String name : LEGACY_LISTS) {
            text(dir + "/" + name).ifPresent(r -> {
                I915ObjectList parsed = I915ObjectListParser.parse(r.text(), r.path());
                log.read(r, parsed.format().map(Enum::name).orElse(""));
                log.warnings(parsed.warnings());
                lists.add(parsed);
            });
        }
        Optional<I915Framebuffers> fbs = text(dir + "/i915_gem_framebuffer").map(r -> {
            I915Framebuffers parsed = I915FramebufferParser.parse(r.text(), r.path());
            log.read(r, "");
            log.warnings(parsed.warnings());
            return parsed;
        });
        return new I915Debugfs(summary, lists, fbs);
    }

    private Optional<ReadResult> text(String path) {
        ReadResult r = root.read(path);
        if (r.status() == ReadResult.Status.DENIED || r.status() == ReadResult.Status.ERROR) {
            log.read(r, "");
        }
        return r.ok() ? Optional.of(r) : Optional.empty();
    }
}
