package dev.gemscope.backend.parse.proc;

import java.util.OptionalLong;

import dev.gemscope.backend.parse.Numbers;

/**
 * Values of drm-usage-stats fdinfo keys: an unsigned number, then optionally a space and a unit
 * ({@code Documentation/gpu/drm-usage-stats.rst}, "Numerical key value pairs can end with optional
 * unit string"). Public so that callers can decode driver-specific keys kept raw by
 * {@link FdInfoParser} (amdgpu's {@code amd-evicted-vram: 12 KiB} uses the same size format).
 *
 * <p>Every method returns empty for anything it cannot read exactly: no digits, a sign, an
 * unknown unit, or a product that does not fit in a signed 64-bit long.
 */
public final class DrmUnits {

    private static final long KIB = 1024L;

    private DrmUnits() {
    }

    /**
     * A memory size in bytes. The kernel prints {@code ""}, {@code " KiB"} or {@code " MiB"}
     * ({@code drm_file.c: drm_fdinfo_print_size()}, earlier {@code print_size()}: divides by 1024
     * at most twice); {@code GiB} is accepted in case a driver or a later kernel goes one step
     * further.
     */
    public static OptionalLong bytes(String value) {
        String unit = unitOf(value);
        if (unit == null) {
            return OptionalLong.empty();
        }
        return switch (unit) {
            case "" -> numberOf(value);
            case "KiB" -> scaled(value, KIB);
            case "MiB" -> scaled(value, KIB * KIB);
            case "GiB" -> scaled(value, KIB * KIB * KIB);
            default -> OptionalLong.empty();
        };
    }

    /** Busy time of {@code drm-engine-<e>}: {@code <uint> ns}; a bare number is taken as ns too. */
    public static OptionalLong nanoseconds(String value) {
        String unit = unitOf(value);
        return "ns".equals(unit) || "".equals(unit) ? numberOf(value) : OptionalLong.empty();
    }

    /**
     * {@code drm-maxfreq-<e>} in Hz. The spec allows {@code Hz|MHz|KHz}; msm and panfrost print
     * {@code Hz}. {@code kHz} and {@code GHz} are accepted defensively.
     */
    public static OptionalLong hertz(String value) {
        String unit = unitOf(value);
        if (unit == null) {
            return OptionalLong.empty();
        }
        return switch (unit) {
            case "", "Hz" -> numberOf(value);
            case "KHz", "kHz" -> scaled(value, 1_000L);
            case "MHz" -> scaled(value, 1_000_000L);
            case "GHz" -> scaled(value, 1_000_000_000L);
            default -> OptionalLong.empty();
        };
    }

    /** A plain {@code <uint>} with no unit ({@code drm-cycles-}, {@code drm-engine-capacity-}). */
    public static OptionalLong plain(String value) {
        return "".equals(unitOf(value)) ? numberOf(value) : OptionalLong.empty();
    }

    /** The unit after the digits, trimmed; {@code ""} for none; null if there are no digits. */
    static String unitOf(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int end = digitsEnd(v);
        return end == 0 ? null : v.substring(end).strip();
    }

    private static OptionalLong numberOf(String value) {
        String v = value.strip();
        return Numbers.unsignedDecimal(v.substring(0, digitsEnd(v)));
    }

    private static OptionalLong scaled(String value, long factor) {
        OptionalLong n = numberOf(value);
        // A value above Long.MAX_VALUE comes back negative from unsignedDecimal: too big to scale.
        if (n.isEmpty() || n.getAsLong() < 0 || n.getAsLong() > Long.MAX_VALUE / factor) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(n.getAsLong() * factor);
    }

    private static int digitsEnd(String v) {
        int i = 0;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
