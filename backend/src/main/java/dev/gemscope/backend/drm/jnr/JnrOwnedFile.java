package dev.gemscope.backend.drm.jnr;

import dev.gemscope.backend.drm.OwnedFile;

/** A descriptor we only need to hold and close, such as a sync_file. */
final class JnrOwnedFile extends FdBacked implements OwnedFile {


    JnrOwnedFile(FdOwner fd) {
        super(fd);
    }

    @Override
    public String toString() {
        return fd.toString();
    }
}
