package dev.gemscope.backend.drm;

/**
 * A file descriptor this layer opened and therefore closes. {@link #close()} is idempotent and
 * never throws: on Linux {@code close(2)} releases the descriptor even when it reports an error,
 * so there is nothing a caller could retry.
 */
public interface OwnedFile extends AutoCloseable {

    /**
     * The descriptor number, for reading {@code /proc/self/fdinfo/N} or passing to another call.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    int fd();

    /** False once closed. */
    boolean isOpen();

    @Override
    void close();
}
