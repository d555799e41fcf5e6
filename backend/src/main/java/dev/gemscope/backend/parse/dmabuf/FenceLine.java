package dev.gemscope.backend.parse.dmabuf;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Numbers;

/**
 * Reads the part of a bufinfo fence line after {@code fence:}. The shape, not the header, decides
 * the variant, because 5.3/5.17 and 5.19/7.x share a header:
 * <ul>
 *   <li>a space after the colon: 4.12–5.16, {@code "%s %s %ssignalled"} (driver, timeline);</li>
 *   <li>{@code ctx:seq} first: 7.x {@code dma_fence_describe()}, {@code "%llu:%llu %s %s %ssignalled"}
 *       (context, seqno, timeline, driver — names empty once signalled);</li>
 *   <li>otherwise: 5.17–6.x {@code dma_fence_describe()}, {@code "%s %s seq %llu %ssignalled"}.</li>
 * </ul>
 * Driver names have no spaces; timeline names may (i915 uses the task name), so the driver is cut
 * off at the space on its side and the timeline keeps the rest.
 */
final class FenceLine {

    private static final Pattern CONTEXT_FIRST = Pattern.compile("(\\d+):(\\d+) (.*)", Pattern.DOTALL);
    private static final Pattern SEQ_LAST = Pattern.compile("(.*) seq (\\S+)", Pattern.DOTALL);
    private static final String UNSIGNALLED = " unsignalled";
    private static final String SIGNALLED = " signalled";

    private FenceLine() {
    }

    /**
     * Returns the fence, or null when the text cannot be read; problems found on the way are added
     * to {@code problems} (a fence may be returned with a problem, e.g. a missing timeline).
     */
    static BufinfoFence parse(String usageWord, String afterColon, List<String> problems) {
        String usage = usageWord.toLowerCase(Locale.ROOT);
        boolean spaced = afterColon.startsWith(" ");
        String body = spaced ? afterColon.substring(1) : afterColon;
        boolean signalled;
        String rest;
        if (body.endsWith(UNSIGNALLED)) {
            signalled = false;
            rest = body.substring(0, body.length() - UNSIGNALLED.length());
        } else if (body.endsWith(SIGNALLED)) {
            signalled = true;
            rest = body.substring(0, body.length() - SIGNALLED.length());
        } else {
            problems.add("fence line does not end in 'signalled' or 'unsignalled'");
            return null;
        }
        if (!spaced) {
            Matcher ctx = CONTEXT_FIRST.matcher(rest);
            if (ctx.matches()) {
                return contextFirst(usage, ctx, signalled, problems);
            }
            Matcher seq = SEQ_LAST.matcher(rest);
            if (seq.matches()) {
                OptionalLong seqno = Numbers.unsignedDecimal(seq.group(2));
                if (seqno.isEmpty()) {
                    problems.add("fence seq is not a number: " + seq.group(2));
                    return null;
                }
                return driverFirst(usage, seq.group(1), OptionalLong.empty(), seqno, signalled, problems);
            }
            problems.add("fence line without 'seq N' after 'fence:'");
        }
        return driverFirst(usage, rest, OptionalLong.empty(), OptionalLong.empty(), signalled, problems);
    }

    private static BufinfoFence contextFirst(String usage, Matcher m, boolean signalled,
            List<String> problems) {
        OptionalLong context = Numbers.unsignedDecimal(m.group(1));
        OptionalLong seqno = Numbers.unsignedDecimal(m.group(2));
        if (context.isEmpty() || seqno.isEmpty()) {
            problems.add("fence context or seqno out of range: " + m.group(1) + ":" + m.group(2));
            return null;
        }
        // "%s %s" = timeline, driver: the driver is after the last space.
        String names = m.group(3);
        int cut = names.lastIndexOf(' ');
        if (cut < 0) {
            problems.add("fence line lacks a timeline or driver name");
            return new BufinfoFence(usage, names, "", context, seqno, signalled);
        }
        return new BufinfoFence(usage, names.substring(cut + 1), names.substring(0, cut), context,
                seqno, signalled);
    }

    private static BufinfoFence driverFirst(String usage, String names, OptionalLong context,
            OptionalLong seqno, boolean signalled, List<String> problems) {
        // "%s %s" = driver, timeline: the driver is before the first space.
        int cut = names.indexOf(' ');
        if (cut < 0) {
            problems.add("fence line lacks a timeline name");
            return new BufinfoFence(usage, names, "", context, seqno, signalled);
        }
        return new BufinfoFence(usage, names.substring(0, cut), names.substring(cut + 1), context,
                seqno, signalled);
    }
}
