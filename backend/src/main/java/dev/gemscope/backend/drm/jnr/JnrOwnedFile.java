package dev.gemscope.backend.drm.jnr;

import dev.gemscope.backend.drm.OwnedFile;

/** A descriptor we only need to hold and close, such as a sync_file. */
final class JnrOwnedFile implements OwnedFile {

    private final FdOwner fd;

    JnrOwnedFile(FdOwner fd) {
        this.fd = fd;
    }

    @Override
    public int fd() {
        return fd.get();
    }

    @Override
    public boolean isOpen() {
        return fd.isOpen();
    }

    @Override
    public void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return fd.toString();
    }
}
