package dev.gemscope.backend.parse.trace;

import java.util.Map;

/** One parsed line of {@code trace_pipe}. */
public sealed interface TraceEvent {

    /**
     * {@code syscalls/sys_enter_ioctl}: {@code sys_ioctl(fd: 3, cmd: 40086409, arg: 7ffe…)}.
     * All three numbers are printed in hex ({@code %lx} before 7.x, {@code 0x%lx} in 7.x).
     */
    record IoctlEnter(TraceHeader header, long fd, long cmd, long arg) implements TraceEvent {
    }

    /** {@code syscalls/sys_exit_ioctl}: {@code sys_ioctl -> 0xffffffffffffffea}; {@code ret} is signed. */
    record IoctlExit(TraceHeader header, long ret) implements TraceEvent {
    }

    /** A {@code trace_marker} write ({@code tracing_mark_write: TEXT}). */
    record Marker(TraceHeader header, String text) implements TraceEvent {
    }

    /**
     * An event of the 7.x {@code dma_buf} system, e.g. {@code dma_buf_export: exp_name=drm size=16384 ino=5};
     * {@code fields} holds the {@code key=value} pairs (and {@code attachment} for the attach/detach
     * events, printed as {@code attachment:%p}).
     */
    record DmaBufEvent(TraceHeader header, String name, Map<String, String> fields) implements TraceEvent {
        public DmaBufEvent {
            fields = Map.copyOf(fields);
        }
    }

    /** Any other event: its name and the text after {@code name: }. */
    record OtherEvent(TraceHeader header, String name, String body) implements TraceEvent {
    }

    /**
     * {@code CPU:%d [LOST %lu EVENTS]}: the ring buffer of that CPU overflowed before it was read, so
     * enter/exit pairs may be broken.
     */
    record Lost(int cpu, long count) implements TraceEvent {
    }

    /** A line that is not a trace record (or is cut); kept so the caller can count it. */
    record Unparsed(String line, String reason) implements TraceEvent {
    }
}
