package dev.gemscope.backend.drm;

import java.util.Objects;

/**
 * A native call failed with an errno. Checked, because every caller has to decide what a refusal
 * means (a permission limit, a driver that cannot import, a vanished handle), and the collector
 * turns it into a {@code FailedOperation} rather than a crash.
 *
 * <p>The message reads {@code DRM_IOCTL_PRIME_FD_TO_HANDLE on /dev/dri/renderD129: ENODEV (19)}.
 */
public final class DrmException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final String target;
    private final int errno;

    /**
     * @param call the ioctl macro name ({@code DRM_IOCTL_GEM_FLINK}) or libc function ({@code mmap})
     * @param target what it was called on: a device path, {@code dma-buf fd 12}, {@code pid 42 fd 5}
     * @param errno the positive errno value
     */
    public DrmException(String call, String target, int errno) {
        this(call, target, errno, null);
    }

    /** As {@link #DrmException(String, String, int)}, with extra detail appended to the message. */
    public DrmException(String call, String target, int errno, String detail) {
        super(message(call, target, errno, detail));
        this.call = Objects.requireNonNull(call);
        this.target = Objects.requireNonNullElse(target, "");
        this.errno = Math.abs(errno);
    }

    private static String message(String call, String target, int errno, String detail) {
        int n = Math.abs(errno);
        String where = target == null || target.isEmpty() ? "" : " on " + target;
        String extra = detail == null || detail.isEmpty() ? "" : " (" + detail + ")";
        return call + where + ": " + Errno.nameOf(n) + " (" + n + ")" + extra;
    }

    /** The ioctl or libc call that failed. */
    public String call() {
        return call;
    }

    /** What it was called on; may be empty. */
    public String target() {
        return target;
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }

    /** {@code ENODEV}, or {@code errno N} for a number {@link Errno} does not list. */
    public String errnoName() {
        return Errno.nameOf(errno);
    }

    /** True if the call failed with this errno. */
    public boolean is(Errno e) {
        return errno == e.number();
    }
}
