package dev.gemscope.backend.parse.i915;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.i915.TailTokens.Token;

/** Reads the sequence numbers that the 3.x and 4.8 describe_obj layouts print after the domains. */
final class SeqnoReader {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final long U32 = 0xffff_ffffL;

    private SeqnoReader() {
    }

    /**
     * Fills {@code b.seqnos} for {@code b.format} from {@code tokens[from…]}.
     *
     * @return index of the first token after the seqnos
     */
    static int read(List<Token> tokens, int from, ObjectBuilder b, List<String> problems) {
        switch (b.format) {
            case V3_6 -> {
                // 3.6 prints the u32 seqnos with %d, so anything above 2^31 shows up negative
                b.seqnos = new Seqnos(u32(dec(tokens, from)), List.of(), OptionalLong.empty(),
                        u32(dec(tokens, from + 1)));
                return from + 2;
            }
            case V3_10 -> {
                // 3.10 prints last_read, last_write and last_fenced with %d: negative means above 2^31
                OptionalLong read = u32(dec(tokens, from));
                b.seqnos = new Seqnos(OptionalLong.empty(), read.isPresent() ? List.of(read.getAsLong()) : List.of(),
                        u32(dec(tokens, from + 1)), u32(dec(tokens, from + 2)));
                return from + 3;
            }
            case V3_14 -> {
                OptionalLong read = dec(tokens, from);
                b.seqnos = new Seqnos(OptionalLong.empty(), read.isPresent() ? List.of(read.getAsLong()) : List.of(),
                        dec(tokens, from + 1), dec(tokens, from + 2));
                return from + 3;
            }
            case V4_8 -> {
                return engineSeqnos(tokens, from, b, problems);
            }
            default -> {
                return from;
            }
        }
    }

    /** {@code [ %x %x … ] %x %x}: one last-read seqno per engine, then last write and last fence. */
    private static int engineSeqnos(List<Token> tokens, int from, ObjectBuilder b, List<String> problems) {
        List<Long> reads = new ArrayList<>();
        int i = from + 1;
        while (i < tokens.size() && DescribeLineParser.word(tokens, i, null).filter("]"::equals).isEmpty()) {
            OptionalLong v = DescribeLineParser.word(tokens, i, HEX).map(Numbers::hex).orElse(OptionalLong.empty());
            if (v.isEmpty()) {
                problems.add("unreadable per-engine seqno '" + tokens.get(i).text() + "'");
                break;
            }
            reads.add(v.getAsLong());
            i++;
        }
        if (i >= tokens.size() || !"]".equals(tokens.get(i).text())) {
            problems.add("per-engine seqno list not closed with ']'");
            b.seqnos = new Seqnos(OptionalLong.empty(), reads, OptionalLong.empty(), OptionalLong.empty());
            return tokens.size();
        }
        OptionalLong write = DescribeLineParser.word(tokens, i + 1, HEX).map(Numbers::hex).orElse(OptionalLong.empty());
        OptionalLong fence = DescribeLineParser.word(tokens, i + 2, HEX).map(Numbers::hex).orElse(OptionalLong.empty());
        if (write.isEmpty() || fence.isEmpty()) {
            problems.add("last write / last fence seqno missing after ']'");
        }
        b.seqnos = new Seqnos(OptionalLong.empty(), reads, write, fence);
        return i + 1 + (write.isPresent() ? 1 : 0) + (fence.isPresent() ? 1 : 0);
    }

    private static OptionalLong dec(List<Token> tokens, int index) {
        return DescribeLineParser.word(tokens, index, DECIMAL).map(Numbers::decimal).orElse(OptionalLong.empty());
    }

    private static OptionalLong u32(OptionalLong v) {
        return v.isPresent() && v.getAsLong() < 0 ? OptionalLong.of(v.getAsLong() & U32) : v;
    }
}
