package dev.gemscope.backend.drm;

import java.nio.file.Path;

/** A listening {@code AF_UNIX}/{@code SOCK_SEQPACKET} socket bound to a path. */
public interface UnixListener extends OwnedFile {

    Path path();

    /** {@code accept4(2)}, close-on-exec; blocks until a peer connects. */
    UnixSocket accept() throws DrmException;
}
