package dev.gemscope.backend.parse;

import java.util.OptionalLong;

/**
 * Number parsing for kernel text, which is never trusted: every method returns empty rather than
 * throwing on garbage, overflow or a sign where none belongs.
 */
public final class Numbers {

    private Numbers() {
    }

    /** Decimal, optionally zero-padded ({@code %08zu}), optionally negative. */
    public static OptionalLong decimal(String text) {
        return parse(text, 10);
    }

    /** Hexadecimal, with or without {@code 0x}. */
    public static OptionalLong hex(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        return parseUnsigned(t, 16);
    }

    /** Octal, as in the fdinfo {@code flags:} line ({@code 02100002}). */
    public static OptionalLong octal(String text) {
        return parseUnsigned(text == null ? null : text.trim(), 8);
    }

    /**
     * Unsigned decimal up to 2^64-1; values above {@code Long.MAX_VALUE} come back as their two's
     * complement bit pattern (use {@link Long#toUnsignedString(long)} to print them).
     */
    public static OptionalLong unsignedDecimal(String text) {
        return parseUnsigned(text == null ? null : text.trim(), 10);
    }

    private static OptionalLong parse(String text, int radix) {
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.trim(), radix));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong parseUnsigned(String text, int radix) {
        if (text == null || text.isEmpty() || text.charAt(0) == '-' || text.charAt(0) == '+') {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(text, radix));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
