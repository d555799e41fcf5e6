package dev.gemscope.backend.parse.trace;

import dev.gemscope.backend.parse.Numbers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one line of {@code trace_pipe}. The header is {@code trace_output.c: trace_print_context()}:
 * {@code %16s-%-7d}, an optional {@code (%7d)} TGID column (option {@code record-tgid}), {@code [%03d]}
 * CPU, an optional latency/flags column ({@code irq-info} option: 4 characters before 5.x, 5 since,
 * e.g. {@code ...1.}), then {@code %5lu.%06lu: } for the microsecond clocks (or a raw counter for
 * {@code counter}/{@code x86-tsc}). The syscall events do not print their format's "print fmt":
 * {@code trace_syscalls.c: print_syscall_enter()} writes {@code sys_ioctl(fd: %lx, cmd: %lx, arg: %lx)}
 * (each argument as {@code 0x%lx} from 7.x on) and {@code print_syscall_exit()} writes
 * {@code sys_ioctl -> 0x%lx}.
 */
public final class TracePipeParser {

    // Greedy task: the comm may itself contain "-<digits> " and the last "-TID" before the CPU column wins.
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(?<task>.*)-(?<tid>\\d+)\\s+(?:\\(\\s*[-\\d]+\\)\\s+)?\\[(?<cpu>\\d+)\\]\\s+"
                    + "(?:[^\\s\\d][^\\s]{3,4}\\s+)?(?<ts>\\d+(?:\\.\\d+)?):\\s(?<rest>.*)$");
    private static final Pattern LOST = Pattern.compile("^CPU:(\\d+) \\[LOST (\\d+) EVENTS\\]\\s*$");
    private static final Pattern ENTER = Pattern.compile(
            "^sys_ioctl\\(fd: (?:0x)?([0-9a-fA-F]+), cmd: (?:0x)?([0-9a-fA-F]+), arg: (?:0x)?([0-9a-fA-F]+)\\)\\s*$");
    private static final Pattern EXIT = Pattern.compile("^sys_ioctl -> (?:0x)?([0-9a-fA-F]+)\\s*$");
    private static final Pattern EVENT = Pattern.compile("^(?<name>[A-Za-z0-9_]+): (?<body>.*)$");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_]+)[=:](\\S*)");

    private TracePipeParser() {
    }

    public static TraceEvent parse(String line) {
        if (line == null) {
            return new TraceEvent.Unparsed("", "no line");
        }
        Matcher lost = LOST.matcher(line);
        if (lost.matches()) {
            OptionalLong cpu = Numbers.decimal(lost.group(1));
            OptionalLong count = Numbers.decimal(lost.group(2));
            if (cpu.isPresent() && count.isPresent()) {
                return new TraceEvent.Lost((int) cpu.getAsLong(), count.getAsLong());
            }
        }
        Matcher h = HEADER.matcher(line);
        if (!h.matches()) {
            return new TraceEvent.Unparsed(line, "not a trace record");
        }
        OptionalLong tid = Numbers.decimal(h.group("tid"));
        OptionalLong cpu = Numbers.decimal(h.group("cpu"));
        OptionalLong ts = timestampNanos(h.group("ts"));
        if (tid.isEmpty() || tid.getAsLong() > Integer.MAX_VALUE || cpu.isEmpty() || ts.isEmpty()) {
            return new TraceEvent.Unparsed(line, "bad header numbers");
        }
        TraceHeader header = new TraceHeader(h.group("task").strip(), (int) tid.getAsLong(), (int) cpu.getAsLong(),
                ts.getAsLong());
        String rest = h.group("rest");

        Matcher enter = ENTER.matcher(rest);
        if (enter.matches()) {
            OptionalLong fd = Numbers.hex(enter.group(1));
            OptionalLong cmd = Numbers.hex(enter.group(2));
            OptionalLong arg = Numbers.hex(enter.group(3));
            if (fd.isEmpty() || cmd.isEmpty() || arg.isEmpty()) {
                return new TraceEvent.Unparsed(line, "bad ioctl arguments");
            }
            return new TraceEvent.IoctlEnter(header, fd.getAsLong(), cmd.getAsLong(), arg.getAsLong());
        }
        Matcher exit = EXIT.matcher(rest);
        if (exit.matches()) {
            // %lx of a negative long: 16 hex digits, two's complement.
            OptionalLong ret = Numbers.hex(exit.group(1));
            return ret.isPresent() ? new TraceEvent.IoctlExit(header, ret.getAsLong())
                    : new TraceEvent.Unparsed(line, "bad ioctl return value");
        }
        Matcher event = EVENT.matcher(rest);
        if (!event.matches()) {
            return new TraceEvent.Unparsed(line, "no event name");
        }
        String name = event.group("name");
        String body = event.group("body");
        if (name.equals("tracing_mark_write")) {
            return new TraceEvent.Marker(header, body.strip());
        }
        if (name.startsWith("dma_buf_")) {
            return new TraceEvent.DmaBufEvent(header, name, keyValues(body));
        }
        return new TraceEvent.OtherEvent(header, name, body);
    }

    /** {@code key=value} (and {@code attachment:%p}) pairs; string values never contain spaces here. */
    static Map<String, String> keyValues(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = KEY_VALUE.matcher(body);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }

    /** {@code 22.996307} (seconds.microseconds) or a bare counter, as nanoseconds. */
    static OptionalLong timestampNanos(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return Numbers.decimal(text);
        }
        OptionalLong secs = Numbers.decimal(text.substring(0, dot));
        String frac = text.substring(dot + 1);
        if (secs.isEmpty() || frac.isEmpty() || frac.length() > 9) {
            return OptionalLong.empty();
        }
        OptionalLong f = Numbers.decimal(frac);
        if (f.isEmpty()) {
            return OptionalLong.empty();
        }
        long scale = 1;
        for (int i = frac.length(); i < 9; i++) {
            scale *= 10;
        }
        return OptionalLong.of(secs.getAsLong() * 1_000_000_000L + f.getAsLong() * scale);
    }
}
