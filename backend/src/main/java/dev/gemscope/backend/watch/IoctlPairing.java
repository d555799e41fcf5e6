package dev.gemscope.backend.watch;

import dev.gemscope.backend.drm.Ioc;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.parse.trace.TraceEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pairs {@code sys_enter_ioctl} with {@code sys_exit_ioctl} per thread ({@code common_pid} is the
 * TID; a thread is in at most one syscall at a time, so its next exit belongs to its last enter).
 *
 * <p>The exit event carries no fd or request number, so the enter side must not be filtered by
 * request type: with a type filter on the enter, a thread's successful DRM ioctl (its exit dropped by
 * {@code ret < 0}) followed by a failed tty ioctl would pair the tty's ENOTTY with the DRM request.
 * Every enter is therefore recorded and overwrites the thread's previous one; only the exit is
 * filtered ({@code ret < 0}), and the request type is checked here.
 */
public final class IoctlPairing {

    private final Map<Integer, TraceEvent.IoctlEnter> pending = new HashMap<>();
    private long lostEvents;
    private long orphanExits;

    /** The failure this event completes, if it is the failing exit of a DRM or dma-buf ioctl. */
    public Optional<RawFailure> accept(TraceEvent event) {
        if (event instanceof TraceEvent.IoctlEnter enter) {
            pending.put(enter.header().tid(), enter);
        } else if (event instanceof TraceEvent.IoctlExit exit) {
            TraceEvent.IoctlEnter enter = pending.remove(exit.header().tid());
            if (enter == null) {
                // Its enter came before tracing started, or was lost in an overrun.
                orphanExits++;
                return Optional.empty();
            }
            if (exit.ret() < 0 && isBufferRequest(enter.cmd())) {
                return Optional.of(new RawFailure(enter, exit));
            }
        } else if (event instanceof TraceEvent.Lost lost) {
            // An overrun may have dropped exits: every pending enter could now pair with a wrong exit.
            lostEvents += lost.count();
            pending.clear();
        }
        return Optional.empty();
    }

    /**
     * DRM ({@code 'd'}) and dma-buf ({@code 'b'}) requests, and the udmabuf and dma-heap allocation
     * requests by exact number (their type letters are shared with other drivers). The fd decides in
     * the end: {@code 'd'} and {@code 'b'} are not DRM's alone either (Documentation/userspace-api/ioctl/ioctl-number.rst).
     */
    public static boolean isBufferRequest(long cmd) {
        int type = Ioc.type(cmd);
        if (type == Ioc.DRM_TYPE || type == Ioc.DMA_BUF_TYPE) {
            return true;
        }
        long n = cmd & 0xFFFF_FFFFL;
        return n == KnownIoctl.UDMABUF_CREATE.number() || n == UDMABUF_CREATE_LIST
                || n == KnownIoctl.DMA_HEAP_IOCTL_ALLOC.number();
    }

    /** {@code UDMABUF_CREATE_LIST}: {@code _IOW('u', 0x43, struct udmabuf_create_list)} (8 bytes). */
    static final long UDMABUF_CREATE_LIST = Ioc.iow(Ioc.UDMABUF_TYPE, 0x43, 8);

    /** Events the kernel dropped (ring buffer overrun), as it reported them. */
    public long lostEvents() {
        return lostEvents;
    }

    /** Exits seen without their enter. */
    public long orphanExits() {
        return orphanExits;
    }
}
