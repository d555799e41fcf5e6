package dev.gemscope.backend.watch;

import dev.gemscope.backend.parse.trace.TraceEvent;

/**
 * An ioctl whose exit returned a negative value, paired with its enter on the same thread.
 *
 * @param enter {@code sys_enter_ioctl}: thread, fd, request number, argument pointer
 * @param exit {@code sys_exit_ioctl}: the return value ({@code -errno})
 */
public record RawFailure(TraceEvent.IoctlEnter enter, TraceEvent.IoctlExit exit) {

    public int errno() {
        return (int) -exit.ret();
    }
}
