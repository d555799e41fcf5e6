package dev.gemscope.backend.source;

/**
 * Whether a system has a DRM device to inspect, and where the bundled demo capture lives for when
 * it has none. Shared by the CLI's {@code show} and the GUI's start-up choice.
 */
public final class DrmPresence {

    /** The demo capture, relative to gemscope's home (the repository or the installed tree). */
    public static final String DEMO_CAPTURE = "resources/captures/compositor-6.12.json";

    private DrmPresence() {
    }

    /** A card or render node under {@code /sys/class/drm} (connector entries like card0-HDMI-A-1 do not count). */
    public static boolean hasDrmDevice(SystemRoot root) {
        return root.list("/sys/class/drm").names().stream().anyMatch(n -> n.matches("(card|renderD)\\d+"));
    }
}
