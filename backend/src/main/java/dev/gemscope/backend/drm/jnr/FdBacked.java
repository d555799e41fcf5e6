package dev.gemscope.backend.drm.jnr;

import dev.gemscope.backend.drm.OwnedFile;

/** The part every descriptor-backed object shares: its one {@link FdOwner}, closed exactly once. */
abstract class FdBacked implements OwnedFile {

    protected final FdOwner fd;

    FdBacked(FdOwner fd) {
        this.fd = fd;
    }

    @Override
    public final int fd() {
        return fd.get();
    }

    @Override
    public final boolean isOpen() {
        return fd.isOpen();
    }

    @Override
    public final void close() {
        fd.close();
    }
}
