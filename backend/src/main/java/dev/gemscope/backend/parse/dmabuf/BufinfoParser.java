package dev.gemscope.backend.parse.dmabuf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gemscope.backend.parse.Lines;
import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/**
 * Parses {@code /sys/kernel/debug/dma_buf/bufinfo} (kernel-interfaces.md §1), every layout from
 * 3.10 to 7.x. Producer: {@code drivers/dma-buf/dma-buf.c:dma_buf_debug_show()}, before 3.17
 * {@code drivers/base/dma-buf.c:dma_buf_describe()}.
 *
 * <p>Each buffer is a buffer line, then its fence lines (4.12+), then {@code Attached Devices:},
 * one line per attachment and {@code Total N devices attached}; the file ends with
 * {@code Total N objects, M bytes}. Lines are told apart by their indentation and fixed words; the
 * era comes from the column header ({@link BufinfoEra}). Never throws: anything not understood is
 * a {@link ParseWarning} in the result.
 */
public final class BufinfoParser {

    /** The kernel path, used as the warning source by {@link #parse(String)}. */
    public static final String PATH = "/sys/kernel/debug/dma_buf/bufinfo";

    private static final Pattern OBJECTS_TOTAL = Pattern.compile("Total (\\S+) objects, (\\S+) bytes");
    /** 3.10 indents this trailer by two TABs and 3.14+ not at all. */
    private static final Pattern DEVICES_TOTAL = Pattern.compile("\t*Total (\\S+) devices attached");
    private static final Pattern FENCE = Pattern.compile("\t(\\w+) fence:(.*)", Pattern.DOTALL);
    private static final String OBJECTS_TITLE = "Dma-buf Objects:";
    private static final String ATTACHED = "Attached Devices:";
    /** Printed instead of a buffer whose lock could not be taken (3.10 to about 5.3). */
    private static final String LOCK_ERROR = "ERROR locking buffer object: skipping";

    private BufinfoParser() {
    }

    /** Parses bufinfo text read from {@link #PATH}. */
    public static Bufinfo parse(String text) {
        return parse(text, PATH);
    }

    /** Parses bufinfo text; {@code source} names it in warnings (a path or a capture file). */
    public static Bufinfo parse(String text, String source) {
        return new Run(source).run(text == null ? "" : text);
    }

    private enum State { OUTSIDE, BUFFER, ATTACHMENTS, DONE }

    /** One parse: the mutable state of walking the lines. */
    private static final class Run {
        private final String source;
        private final List<BufinfoBuffer> buffers = new ArrayList<>();
        private final List<ParseWarning> warnings = new ArrayList<>();
        private BufinfoEra era = BufinfoEra.UNKNOWN;
        private boolean sawHeader;
        private State state = State.OUTSIDE;
        private BufinfoBuilder current;
        private Optional<BufinfoTotals> totals = Optional.empty();
        private int skipped;
        private boolean sawTotals;

        Run(String source) {
            this.source = source;
        }

        Bufinfo run(String text) {
            if (text.isBlank()) {
                warn(0, "", "empty text: no dma-buf table");
                return new Bufinfo(era, buffers, totals, skipped, false, warnings);
            }
            List<String> lines = Lines.of(text);
            boolean cut = Lines.lastLineCut(text);
            int usable = cut ? lines.size() - 1 : lines.size();
            for (int i = 0; i < usable; i++) {
                line(i + 1, lines.get(i));
            }
            if (cut) {
                warn(lines.size(), lines.get(usable), "last line has no newline: the read was cut short,"
                        + " line ignored");
            }
            closeBuffer();
            if (!sawHeader) {
                warn(0, "", "no 'Dma-buf Objects:' column header");
            }
            if (!sawTotals) {
                warn(0, "", "no final 'Total … objects' line: the text is incomplete");
            }
            checkTotals();
            boolean complete = !cut && sawTotals;
            return new Bufinfo(era, buffers, totals, skipped, complete, warnings);
        }

        private void line(int no, String line) {
            if (line.isBlank() || line.equals(OBJECTS_TITLE)) {
                return;
            }
            if (state == State.DONE) {
                warn(no, line, "text after the final 'Total … objects' line");
                return;
            }
            Matcher m;
            if (Header.isHeader(line)) {
                header(no, line);
            } else if ((m = OBJECTS_TOTAL.matcher(line)).matches()) {
                objectsTotal(no, line, m);
            } else if ((m = DEVICES_TOTAL.matcher(line)).matches()) {
                devicesTotal(no, line, m);
            } else if (stripTabs(line).equals(LOCK_ERROR)) {
                closeBuffer();
                skipped++;
                warn(no, line, "the kernel could not lock a buffer and left it out");
            } else if (state == State.ATTACHMENTS && line.startsWith("\t")) {
                // Device names: "\t\t%s" with init_name on 3.10 (often "(null)"), "\t%s" later.
                current.attachments().add(stripTabs(line));
            } else if (stripTabs(line).equals(ATTACHED)) {
                attachedDevices(no, line);
            } else if ((m = FENCE.matcher(line)).matches()) {
                fence(no, line, m);
            } else if (looksLikeBufferLine(line)) {
                buffer(no, line);
            } else {
                warn(no, line, "line not understood");
            }
        }

        private void header(int no, String line) {
            if (sawHeader) {
                warn(no, line, "a second column header: two reads joined?");
            }
            sawHeader = true;
            era = Header.era(line);
            if (era == BufinfoEra.UNKNOWN) {
                warn(no, line, "column header not recognised");
            }
        }

        private boolean looksLikeBufferLine(String line) {
            if (era == BufinfoEra.V3_10) {
                return line.startsWith("\t\t");
            }
            if (era == BufinfoEra.UNKNOWN) {
                return !line.startsWith("\t") || line.startsWith("\t\t");
            }
            return !line.startsWith("\t");
        }

        private void buffer(int no, String line) {
            closeBuffer();
            // Guess only when the header is missing; an unrecognised header may have moved columns.
            if (era == BufinfoEra.UNKNOWN && !sawHeader) {
                era = Header.guessFromBufferLine(line);
                if (era != BufinfoEra.UNKNOWN) {
                    warn(no, line, "no column header before the first buffer; layout guessed as "
                            + era.kernels());
                }
            }
            List<String> problems = new ArrayList<>();
            BufferLine parsed = BufferLine.parse(line, era, problems);
            problems.forEach(p -> warn(no, line, p));
            // A line that could not be read still opens a buffer, so its fence and device lines
            // are consumed quietly instead of each raising a warning; it is dropped when closed.
            current = new BufinfoBuilder(no, parsed);
            state = State.BUFFER;
        }

        private void fence(int no, String line, Matcher m) {
            if (current == null || state != State.BUFFER) {
                warn(no, line, "fence line outside a buffer");
                return;
            }
            List<String> problems = new ArrayList<>();
            BufinfoFence fence = FenceLine.parse(m.group(1), m.group(2), problems);
            problems.forEach(p -> warn(no, line, p));
            if (fence == null) {
                return;
            }
            current.fences().add(fence);
            // Fence shapes split the eras that share a header (5.3/5.17 and 5.19/7.x).
            if (era == BufinfoEra.V5_3 && fence.seqno().isPresent() && fence.context().isEmpty()) {
                era = BufinfoEra.V5_17;
            } else if (era == BufinfoEra.V5_19 && fence.context().isPresent()) {
                era = BufinfoEra.V7;
            }
        }

        private void attachedDevices(int no, String line) {
            if (current == null || state != State.BUFFER) {
                warn(no, line, "'Attached Devices:' outside a buffer");
                return;
            }
            state = State.ATTACHMENTS;
        }

        private void devicesTotal(int no, String line, Matcher m) {
            if (current == null) {
                warn(no, line, "device total outside a buffer");
                return;
            }
            OptionalInt declared = Numbers.decimal(m.group(1)).stream()
                    .filter(v -> v >= 0 && v <= Integer.MAX_VALUE)
                    .mapToInt(v -> (int) v).findFirst();
            if (declared.isEmpty()) {
                warn(no, line, "device total is not a number");
            } else if (current.line() != null && declared.getAsInt() != current.attachments().size()) {
                warn(no, line, "kernel counted " + declared.getAsInt() + " attachments, "
                        + current.attachments().size() + " device lines were read");
            }
            current.finish(declared);
            closeBuffer();
        }

        private void objectsTotal(int no, String line, Matcher m) {
            closeBuffer();
            sawTotals = true;
            var objects = Numbers.unsignedDecimal(m.group(1));
            var bytes = Numbers.unsignedDecimal(m.group(2));
            if (objects.isEmpty() || bytes.isEmpty()) {
                warn(no, line, "totals are not numbers");
            } else {
                totals = Optional.of(new BufinfoTotals(objects.getAsLong(), bytes.getAsLong()));
            }
            state = State.DONE;
        }

        private void closeBuffer() {
            if (current == null) {
                return;
            }
            if (current.line() != null) {
                if (!current.complete()) {
                    warn(current.no(), "", "buffer ends before its 'Total N devices attached' line:"
                            + " fences or attachments may be missing");
                }
                buffers.add(current.build());
            }
            current = null;
            state = State.OUTSIDE;
        }

        /** The kernel counts what it printed, so a difference means lines were lost or not read. */
        private void checkTotals() {
            if (totals.isEmpty()) {
                return;
            }
            long bytes = buffers.stream().mapToLong(BufinfoBuffer::size).sum();
            if (totals.get().objects() != buffers.size() || totals.get().bytes() != bytes) {
                warn(0, "", "kernel totals " + totals.get().objects() + " objects, "
                        + Long.toUnsignedString(totals.get().bytes()) + " bytes; parsed "
                        + buffers.size() + " buffers, " + Long.toUnsignedString(bytes) + " bytes");
            }
        }

        private void warn(int no, String line, String reason) {
            warnings.add(new ParseWarning(source, no, line, reason));
        }
    }

    private static String stripTabs(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == '\t') {
            i++;
        }
        return line.substring(i);
    }
}
