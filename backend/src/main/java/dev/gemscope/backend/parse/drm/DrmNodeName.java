package dev.gemscope.backend.parse.drm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Numbers;

/**
 * A DRM minor's name: {@code card0}, {@code renderD128} or the legacy {@code controlD64}, as used by
 * {@code /sys/class/drm} entries, by {@code /dev/dri/} device nodes and therefore by the targets of
 * {@code /proc/PID/fd/N} links and by {@code /proc/PID/maps} paths ({@code /dev/dri/renderD128}).
 *
 * <p>Names come from {@code drivers/gpu/drm/drm_drv.c} / {@code drm_sysfs.c} ({@code "card%d"},
 * {@code "renderD%d"}, {@code "controlD%d"}; devnode {@code "dri/%s"}). Connector entries such as
 * {@code card0-HDMI-A-1} and other class entries ({@code version}, the old {@code ttm}) are not
 * minor names. The number is the minor index, which is also the device minor number (major 226).
 *
 * @param kind which kind of minor
 * @param index the number in the name ({@code 128} for {@code renderD128})
 * @param name the bare name, e.g. {@code renderD128}
 * @param deleted the fd link carried the {@code " (deleted)"} suffix (the device node was removed)
 */
public record DrmNodeName(Kind kind, long index, String name, boolean deleted) {

    private static final Pattern NAME = Pattern.compile("(card|renderD|controlD)(\\d+)");
    private static final String DELETED = " (deleted)";

    /** The kind of DRM minor. */
    public enum Kind {
        /** {@code cardN}: the primary node (KMS, legacy auth). */
        PRIMARY,
        /** {@code controlDN}: legacy control node (removed from the kernel; still parsed). */
        CONTROL,
        /** {@code renderDN}: render node (no KMS, no flink). */
        RENDER
    }

    /**
     * Parses a bare name ({@code card0}), a devnode name ({@code dri/card0}) or a device path
     * ({@code /dev/dri/card0}, optionally with {@code " (deleted)"}); empty for anything else.
     */
    public static Optional<DrmNodeName> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        boolean deleted = t.endsWith(DELETED);
        if (deleted) {
            t = t.substring(0, t.length() - DELETED.length());
        }
        if (t.startsWith("/dev/dri/")) {
            t = t.substring("/dev/dri/".length());
        } else if (t.startsWith("dri/")) {
            t = t.substring("dri/".length());
        }
        Matcher m = NAME.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        var index = Numbers.decimal(m.group(2));
        if (index.isEmpty()) {
            return Optional.empty();
        }
        Kind kind = switch (m.group(1)) {
            case "card" -> Kind.PRIMARY;
            case "renderD" -> Kind.RENDER;
            default -> Kind.CONTROL;
        };
        return Optional.of(new DrmNodeName(kind, index.getAsLong(), t, deleted));
    }

    /** The device node path, e.g. {@code /dev/dri/renderD128}. */
    public String devicePath() {
        return "/dev/dri/" + name;
    }
}
