package dev.gemscope.backend.drm.jnr;

import java.util.Objects;

import dev.gemscope.backend.drm.Mapping;
import jnr.ffi.Pointer;

/**
 * A range of our address space from {@code mmap} (or from i915's legacy GEM_MMAP, which maps on
 * our behalf). Unmapped exactly once; every access is bounds-checked and synchronized with
 * {@link #close()}, so no copy can touch memory after {@code munmap}.
 */
final class JnrMapping implements Mapping {

    private final long address;
    private final long length;
    private final Pointer view;
    private final String what;
    private boolean open = true;

    JnrMapping(long address, long length, String what) {
        this.address = address;
        this.length = length;
        this.view = Pointer.wrap(Native.runtime(), address, length);
        this.what = what;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public synchronized void read(long offset, byte[] dst, int dstOffset, int len) {
        check(offset, dst, dstOffset, len);
        view.get(offset, dst, dstOffset, len);
    }

    @Override
    public synchronized void write(long offset, byte[] src, int srcOffset, int len) {
        check(offset, src, srcOffset, len);
        view.put(offset, src, srcOffset, len);
    }

    private void check(long offset, byte[] array, int arrayOffset, int len) {
        if (!open) {
            throw new IllegalStateException("mapping of " + what + " is unmapped");
        }
        Objects.checkFromIndexSize(arrayOffset, len, array.length);
        Objects.checkFromIndexSize(offset, len, length);
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        if (open) {
            open = false;
            Native.munmap(address, length);
        }
    }

    @Override
    public String toString() {
        return "mapping of " + what + ", " + length + " bytes" + (open ? "" : " (unmapped)");
    }
}
