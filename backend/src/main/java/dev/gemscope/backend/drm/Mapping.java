package dev.gemscope.backend.drm;

/**
 * A shared memory mapping ({@code mmap(…, MAP_SHARED, …)}) of a DRM object, dma-buf or memfd.
 * Access is bounds-checked, and {@link #close()} unmaps it once; reads and writes after that throw
 * {@link IllegalStateException} rather than touching unmapped memory. Methods are synchronized with
 * {@code close()}, so another thread can never unmap under a copy.
 */
public interface Mapping extends AutoCloseable {

    /** The mapped length in bytes. */
    long length();

    /** Copies {@code length} bytes at {@code offset} into {@code dst[dstOffset…]}. */
    void read(long offset, byte[] dst, int dstOffset, int length);

    /** Copies {@code src[srcOffset…]} to {@code offset}. The mapping must have been made writable. */
    void write(long offset, byte[] src, int srcOffset, int length);

    /** The bytes at {@code offset}. */
    default byte[] read(long offset, int length) {
        byte[] b = new byte[length];
        read(offset, b, 0, length);
        return b;
    }

    /** Writes all of {@code src} at {@code offset}. */
    default void write(long offset, byte[] src) {
        write(offset, src, 0, src.length);
    }

    /** False once unmapped. */
    boolean isOpen();

    /** Unmaps; idempotent. */
    @Override
    void close();
}
