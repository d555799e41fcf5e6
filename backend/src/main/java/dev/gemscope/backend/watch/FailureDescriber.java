package dev.gemscope.backend.watch;

import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.Ioc;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.explain.Explanation;
import dev.gemscope.backend.explain.Explanations;
import dev.gemscope.backend.explain.FailureContext;
import dev.gemscope.backend.model.FailedOperation;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Turns a paired failure and what its fd was into a {@link FailedOperation}: the request named by
 * {@link KnownIoctl} (driver-private numbers only when the device's driver is the one that defines
 * them: i915 and vgem reuse the same numbers), else decoded by {@link Ioc}; the errno by {@link Errno};
 * the explanation from the knowledge base with the device's driver and the running kernel.
 */
public final class FailureDescriber {

    /** The source name in every failure this produces. */
    public static final String SOURCE = "tracefs";

    private final Explanations explanations;
    private final String kernelRelease;
    private final LongFunction<Instant> clock;

    /**
     * @param clock turns a trace timestamp (nanoseconds of the instance's trace clock) into wall time
     */
    public FailureDescriber(Explanations explanations, String kernelRelease, LongFunction<Instant> clock) {
        this.explanations = explanations;
        this.kernelRelease = kernelRelease;
        this.clock = clock;
    }

    public FailedOperation describe(RawFailure failure, FdTarget target) {
        long cmd = failure.enter().cmd() & 0xFFFF_FFFFL;
        String operation = operationName(cmd, target.driver());
        int errno = failure.errno();
        String errnoName = Errno.nameOf(errno);
        Integer pid = target.pid() != null ? target.pid() : null;
        String task = failure.enter().header().task();
        String comm = target.comm() != null ? target.comm() : task.equals("<...>") ? null : task;
        Optional<Explanation> why = explanations.explain(
                new FailureContext(operation, errnoName, target.driver(), kernelRelease, null));
        return new FailedOperation(clock.apply(failure.exit().header().timestampNanos()).toString(), pid, comm,
                target.deviceId(), operation, objectRef(failure, target), errnoName, errno, SOURCE,
                why.map(Explanation::text).orElse(""), why.map(Explanation::expectedByDesign).orElse(null));
    }

    /**
     * The name of a request: the {@link KnownIoctl} constant, except driver-private DRM numbers whose
     * driver is not the device's (or unknown), which are shown decoded.
     */
    public static String operationName(long cmd, String driver) {
        Optional<KnownIoctl> known = KnownIoctl.byNumber(cmd);
        if (known.isPresent() && isDriverPrivate(cmd)) {
            String owner = known.get().name().startsWith("DRM_IOCTL_I915_") ? "i915"
                    : known.get().name().startsWith("DRM_IOCTL_VGEM_") ? "vgem" : null;
            if (owner == null || !owner.equals(driver)) {
                return raw(cmd);
            }
        }
        return known.map(Enum::name).orElseGet(() -> raw(cmd));
    }

    private static boolean isDriverPrivate(long cmd) {
        return Ioc.type(cmd) == Ioc.DRM_TYPE && Ioc.nr(cmd) >= Ioc.DRM_COMMAND_BASE && Ioc.nr(cmd) < 0xa0;
    }

    private static String raw(long cmd) {
        // Ioc.describe would name a known number; here the number is known not to mean that.
        Ioc.Decoded d = Ioc.decode(cmd);
        String s = String.format(Locale.ROOT, "0x%08x %s", cmd, d);
        if (d.type() == Ioc.DRM_TYPE) {
            s += isDriverPrivate(cmd) ? String.format(Locale.ROOT, " (DRM driver ioctl 0x%02x)", d.nr() - Ioc.DRM_COMMAND_BASE)
                    : " (DRM core ioctl)";
        }
        return s;
    }

    /** Everything known about the object: the fd and what it is; the argument pointer was not read. */
    static String objectRef(RawFailure failure, FdTarget t) {
        long fd = failure.enter().fd();
        StringBuilder s = new StringBuilder("fd ").append(fd);
        switch (t.kind()) {
            case DRM -> s.append(": ").append(t.link() != null ? t.link() : "DRM node")
                    .append(t.driver() != null ? " (" + t.driver() + ")" : "");
            case DMA_BUF -> {
                s.append(": dma-buf");
                if (t.ino() != null) {
                    s.append(" ino:").append(t.ino());
                }
                if (t.exporter() != null) {
                    s.append(" exp_name ").append(t.exporter());
                }
                if (t.size() != null) {
                    s.append(", ").append(t.size()).append(" bytes");
                }
            }
            case UDMABUF, DMA_HEAP, OTHER -> s.append(": ").append(t.link());
            case UNKNOWN -> s.append(": unknown");
        }
        s.append(String.format(Locale.ROOT, "; arg 0x%x not read", failure.enter().arg()));
        if (t.note() != null) {
            s.append("; ").append(t.note());
        }
        return s.toString();
    }
}
