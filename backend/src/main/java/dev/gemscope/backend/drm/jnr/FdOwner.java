package dev.gemscope.backend.drm.jnr;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns one descriptor: closes it exactly once, however often {@link #close()} is called and from
 * whichever thread. After close, {@link #get()} throws instead of handing out a number the kernel
 * may already have given to another file.
 */
final class FdOwner implements AutoCloseable {

    private final AtomicInteger fd;
    private final String what;

    FdOwner(int fd, String what) {
        if (fd < 0) {
            throw new IllegalArgumentException("not a descriptor: " + fd);
        }
        this.fd = new AtomicInteger(fd);
        this.what = what;
    }

    /** The descriptor; throws {@link IllegalStateException} once closed. */
    int get() {
        int f = fd.get();
        if (f < 0) {
            throw new IllegalStateException(what + " is closed");
        }
        return f;
    }

    boolean isOpen() {
        return fd.get() >= 0;
    }

    /** What this descriptor is, for messages: {@code /dev/dri/card0}, {@code dma-buf}, … */
    String what() {
        return what;
    }

    @Override
    public void close() {
        int f = fd.getAndSet(-1);
        if (f >= 0) {
            Native.close(f);
        }
    }

    @Override
    public String toString() {
        int f = fd.get();
        return f >= 0 ? what + " (fd " + f + ")" : what + " (closed)";
    }
}
