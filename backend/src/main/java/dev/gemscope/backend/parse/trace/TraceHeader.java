package dev.gemscope.backend.parse.trace;

/**
 * The columns every trace line starts with.
 *
 * @param task the thread's comm as the tracer cached it ({@code <...>} when the cache lost it)
 * @param tid the thread id ({@code common_pid}: a TID, not the process id)
 * @param cpu the CPU the event was recorded on
 * @param timestampNanos the event time in the instance's {@code trace_clock}, in nanoseconds
 *     (the text has microseconds for the default clocks)
 */
public record TraceHeader(String task, int tid, int cpu, long timestampNanos) {
}
