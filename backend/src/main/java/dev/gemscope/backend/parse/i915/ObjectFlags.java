package dev.gemscope.backend.parse.i915;

import java.util.List;
import java.util.Optional;

/**
 * The single-character flags after the object pointer. Which flags exist depends on the
 * {@link DescribeFormat}; a flag the layout does not print is empty, never {@code false}.
 *
 * @param raw the flag characters exactly as printed (spaces included)
 * @param tiling tiling mode (every layout prints it)
 * @param pin 3.6/3.10/3.14: {@code P} user-pinned, {@code p} pinned; 4.8: {@code p} pinned for display
 *     ({@code pin_display}); 4.19 and ≈5.3: {@code p} globally pinned ({@code pin_global}, the display pin)
 * @param active 4.8 and 4.19: {@code *}, the object is busy on the GPU
 * @param globalBinding 3.14 and 4.8: {@code g}, the object has a global GTT binding
 * @param userFault 4.19, ≈5.3 and 5.4+: {@code g}, the object has a live GTT mmap fault ({@code userfault_count})
 * @param kernelMapped 4.8, 4.19, ≈5.3 and 5.4+: {@code M}, the kernel holds a vmap of the pages
 */
public record ObjectFlags(String raw, Tiling tiling, Optional<PinFlag> pin, Optional<Boolean> active,
        Optional<Boolean> globalBinding, Optional<Boolean> userFault, Optional<Boolean> kernelMapped) {

    /** Tiling character: blank, {@code X} or {@code Y}. */
    public enum Tiling { NONE, X, Y, UNKNOWN }

    /**
     * Pin character of the pre-5.4 layouts: {@code P}/{@code p} until 3.x, then {@code p} for the
     * display pin ({@code pin_display} in 4.8, {@code pin_global} in 4.19 and ≈5.3).
     */
    public enum PinFlag { NONE, PINNED, USER_PINNED, DISPLAY }

    /** Flags whose layout could not be matched: only the raw text is kept. */
    static ObjectFlags undecoded(String raw) {
        return new ObjectFlags(raw, Tiling.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * Decodes {@code raw} for {@code format}; a character outside the flag's alphabet leaves that flag
     * empty and adds a message to {@code problems}.
     */
    static ObjectFlags decode(String raw, DescribeFormat format, List<String> problems) {
        if (raw.length() != format.flagWidth()) {
            problems.add("flag field '" + raw + "' does not fit the " + format + " layout; flags not decoded");
            return undecoded(raw);
        }
        return switch (format) {
            case V3_6, V3_10 -> new ObjectFlags(raw, tiling(raw.charAt(1), problems), pin(raw.charAt(0), problems),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            case V3_14 -> new ObjectFlags(raw, tiling(raw.charAt(1), problems), pin(raw.charAt(0), problems),
                    Optional.empty(), bool(raw.charAt(2), 'g', problems), Optional.empty(), Optional.empty());
            case V4_8 -> new ObjectFlags(raw, tiling(raw.charAt(2), problems), displayPin(raw.charAt(1), problems),
                    bool(raw.charAt(0), '*', problems), bool(raw.charAt(3), 'g', problems), Optional.empty(),
                    bool(raw.charAt(4), 'M', problems));
            case V4_19 -> new ObjectFlags(raw, tiling(raw.charAt(2), problems), displayPin(raw.charAt(1), problems),
                    bool(raw.charAt(0), '*', problems), Optional.empty(), bool(raw.charAt(3), 'g', problems),
                    bool(raw.charAt(4), 'M', problems));
            case V5_3 -> new ObjectFlags(raw, tiling(raw.charAt(1), problems), displayPin(raw.charAt(0), problems),
                    Optional.empty(), Optional.empty(), bool(raw.charAt(2), 'g', problems),
                    bool(raw.charAt(3), 'M', problems));
            case V5_4 -> new ObjectFlags(raw, tiling(raw.charAt(0), problems), Optional.empty(), Optional.empty(),
                    Optional.empty(), bool(raw.charAt(1), 'g', problems), bool(raw.charAt(2), 'M', problems));
        };
    }

    private static Tiling tiling(char c, List<String> problems) {
        switch (c) {
            case ' ':
                return Tiling.NONE;
            case 'X':
                return Tiling.X;
            case 'Y':
                return Tiling.Y;
            default:
                problems.add("unknown tiling flag '" + c + "'");
                return Tiling.UNKNOWN;
        }
    }

    private static Optional<PinFlag> pin(char c, List<String> problems) {
        switch (c) {
            case ' ':
                return Optional.of(PinFlag.NONE);
            case 'p':
                return Optional.of(PinFlag.PINNED);
            case 'P':
                return Optional.of(PinFlag.USER_PINNED);
            default:
                problems.add("unknown pin flag '" + c + "'");
                return Optional.empty();
        }
    }

    private static Optional<PinFlag> displayPin(char c, List<String> problems) {
        Optional<Boolean> set = bool(c, 'p', problems);
        return set.map(on -> on ? PinFlag.DISPLAY : PinFlag.NONE);
    }

    private static Optional<Boolean> bool(char c, char on, List<String> problems) {
        if (c == on) {
            return Optional.of(true);
        }
        if (c == ' ') {
            return Optional.of(false);
        }
        problems.add("unexpected flag '" + c + "' where '" + on + "' or blank belongs");
        return Optional.empty();
    }
}
