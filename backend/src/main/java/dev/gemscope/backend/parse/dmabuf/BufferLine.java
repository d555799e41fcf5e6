package dev.gemscope.backend.parse.dmabuf;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.Numbers;

/**
 * The columns of one bufinfo buffer line, before fences and attachments are added.
 *
 * <p>Layouts ({@code dma_buf_debug_show()}, earlier {@code dma_buf_describe()}):
 * <ul>
 *   <li>3.10–3.13: {@code \t\t%s\t%08zu\t%08x\t%08x\t%08ld} — exp_name first;</li>
 *   <li>3.14–5.2: {@code %08zu\t%08x\t%08x\t%08ld\t%s} — exp_name last;</li>
 *   <li>5.3+: {@code %08zu\t%08x\t%08x\t%08ld\t%s\t%08lu\t%s} — then ino and name; the name may
 *       itself contain TABs, so only the first six TABs separate columns.</li>
 * </ul>
 */
record BufferLine(long size, int flags, int mode, long count, String expName, OptionalLong ino,
        Optional<String> name) {

    /** What 5.19+ prints for an unset name ({@code buf_obj->name ?: "<none>"}). */
    static final String NO_NAME = "<none>";

    /**
     * Reads a buffer line in the given era's layout; returns null and adds the reason to
     * {@code problems} when it cannot. A usable line with a minor defect also adds a problem.
     */
    static BufferLine parse(String line, BufinfoEra era, List<String> problems) {
        switch (era) {
            case V3_10:
                return parseExpNameFirst(line, problems);
            case V3_14:
            case V4_12:
                return parseExpNameLast(line, problems);
            case UNKNOWN:
                problems.add("buffer line before any recognised column header");
                return null;
            default:
                return parseWithInode(line, era, problems);
        }
    }

    private static BufferLine parseExpNameFirst(String line, List<String> problems) {
        String body = line.startsWith("\t\t") ? line.substring(2) : line;
        String[] f = body.split("\t", -1);
        if (f.length < 5) {
            problems.add("expected exp_name, size, flags, mode and count");
            return null;
        }
        // exp_name is __FILE__ here and has no TABs, but reading the numbers from the right keeps
        // an odd name intact.
        int n = f.length;
        String expName = String.join("\t", Arrays.copyOfRange(f, 0, n - 4));
        return numbers(f[n - 4], f[n - 3], f[n - 2], f[n - 1], expName, OptionalLong.empty(),
                Optional.empty(), problems);
    }

    private static BufferLine parseExpNameLast(String line, List<String> problems) {
        String[] f = line.split("\t", 5);
        if (f.length < 5) {
            problems.add("expected size, flags, mode, count and exp_name");
            return null;
        }
        return numbers(f[0], f[1], f[2], f[3], f[4], OptionalLong.empty(), Optional.empty(), problems);
    }

    private static BufferLine parseWithInode(String line, BufinfoEra era, List<String> problems) {
        String[] f = line.split("\t", 7);
        if (f.length < 6) {
            problems.add("expected size, flags, mode, count, exp_name, ino and name");
            return null;
        }
        OptionalLong ino = Numbers.unsignedDecimal(f[5]);
        if (ino.isEmpty()) {
            problems.add("ino is not a number: " + f[5]);
            return null;
        }
        Optional<String> name = Optional.empty();
        if (f.length == 7) {
            name = name(f[6], era);
        } else {
            // "%08lu\t%s\n" always prints the TAB, even for an empty name.
            problems.add("name column missing");
        }
        return numbers(f[0], f[1], f[2], f[3], f[4], ino, name, problems);
    }

    /** 5.3–5.18 print an unset name as "", 5.19+ as {@code <none>}; before 5.19 that is a real name. */
    private static Optional<String> name(String text, BufinfoEra era) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        boolean noneMeansUnset = era == BufinfoEra.V5_19 || era == BufinfoEra.V7;
        if (noneMeansUnset && text.equals(NO_NAME)) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static BufferLine numbers(String sizeText, String flagsText, String modeText,
            String countText, String expName, OptionalLong ino, Optional<String> name,
            List<String> problems) {
        OptionalLong size = Numbers.unsignedDecimal(sizeText);
        OptionalLong flags = word32(Numbers.hex(flagsText));
        OptionalLong mode = word32(Numbers.hex(modeText));
        OptionalLong count = Numbers.decimal(countText);
        if (size.isEmpty()) {
            problems.add("size is not an unsigned number: " + sizeText);
        } else if (flags.isEmpty()) {
            problems.add("flags is not a 32-bit hex number: " + flagsText);
        } else if (mode.isEmpty()) {
            problems.add("mode is not a 32-bit hex number: " + modeText);
        } else if (count.isEmpty()) {
            problems.add("count is not a number: " + countText);
        } else {
            return new BufferLine(size.getAsLong(), (int) flags.getAsLong(), (int) mode.getAsLong(),
                    count.getAsLong(), expName, ino, name);
        }
        return null;
    }

    /** {@code f_flags} and {@code f_mode} are 32-bit ({@code unsigned int}, {@code fmode_t}). */
    private static OptionalLong word32(OptionalLong value) {
        return value.isPresent() && (value.getAsLong() & ~0xFFFF_FFFFL) == 0 ? value : OptionalLong.empty();
    }
}
