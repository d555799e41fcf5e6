package dev.gemscope.backend.collect;

import dev.gemscope.backend.parse.drm.DriClientsParser;
import dev.gemscope.backend.parse.drm.DriNameParser;
import dev.gemscope.backend.parse.drm.Framebuffers;
import dev.gemscope.backend.parse.drm.GemNamesParser;
import java.util.List;
import java.util.Optional;

/**
 * What one DRM debugfs directory ({@code dri/0} before ≈6.7, {@code dri/<unique>} after) said.
 *
 * @param path the directory read, e.g. {@code /sys/kernel/debug/dri/0}
 * @param minorIndex the minor number when the directory is named by one (pre-6.7), else -1
 * @param name the parsed {@code name} file, when readable
 * @param clients the {@code clients} rows (empty when absent)
 * @param gemNames the {@code gem_names} rows (flinked objects only)
 * @param framebuffers the {@code framebuffer} entries
 * @param i915 the i915 object files, when the driver is i915
 */
record DebugfsDir(String path, int minorIndex, Optional<DriNameParser.DriName> name,
        List<DriClientsParser.Client> clients, List<GemNamesParser.GemName> gemNames,
        List<Framebuffers.Framebuffer> framebuffers, Optional<I915Debugfs> i915) {

    DebugfsDir {
        clients = List.copyOf(clients);
        gemNames = List.copyOf(gemNames);
        framebuffers = List.copyOf(framebuffers);
    }

    /** The device name this directory's {@code name} file gives ({@code dev=}), if any. */
    Optional<String> deviceName() {
        return name.flatMap(DriNameParser.DriName::dev);
    }
}
