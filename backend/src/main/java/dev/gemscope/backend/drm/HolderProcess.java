package dev.gemscope.backend.drm;

import java.util.List;

/**
 * A light process that does nothing but hold descriptors it inherited (e.g. {@code sleep infinity}
 * holding dma-buf fds): for scenes with many processes, where a JVM per process would not fit.
 * {@link #close()} kills it and reaps it, so its descriptors are released when close returns.
 */
public interface HolderProcess extends AutoCloseable {

    /** Its process id. */
    long pid();

    /** The descriptor numbers it holds, in the order they were given ({@code 3, 4, …}). */
    List<Integer> fds();

    /** SIGKILL, then waits for it; idempotent. */
    @Override
    void close();
}
