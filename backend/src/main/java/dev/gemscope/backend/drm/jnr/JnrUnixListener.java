package dev.gemscope.backend.drm.jnr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.UnixListener;
import dev.gemscope.backend.drm.UnixSocket;

/** A listening SOCK_SEQPACKET unix socket; closing it also removes its path. */
final class JnrUnixListener extends FdBacked implements UnixListener {

    private final Path path;

    private JnrUnixListener(FdOwner fd, Path path) {
        super(fd);
        this.path = path;
    }

    static JnrUnixListener listen(Path path) throws DrmException {
        String p = path.toString();
        int s = Native.socket(LinuxUapi.AF_UNIX, LinuxUapi.SOCK_SEQPACKET | LinuxUapi.SOCK_CLOEXEC, p);
        FdOwner owner = new FdOwner(s, "unix listener " + p);
        try {
            Native.bind(s, p);
            Native.listen(s, 16, p);
        } catch (DrmException e) {
            owner.close();
            throw e;
        }
        return new JnrUnixListener(owner, path);
    }

    static JnrUnixSocket connect(Path path) throws DrmException {
        String p = path.toString();
        int s = Native.socket(LinuxUapi.AF_UNIX, LinuxUapi.SOCK_SEQPACKET | LinuxUapi.SOCK_CLOEXEC, p);
        try {
            Native.connect(s, p);
        } catch (DrmException e) {
            Native.close(s);
            throw e;
        }
        return new JnrUnixSocket(s, p);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public UnixSocket accept() throws DrmException {
        return new JnrUnixSocket(Native.accept(fd.get(), path.toString()), path.toString());
    }

    /** Closes the socket and unlinks its path (the socket file outlives the descriptor otherwise). */
    void closeAndUnlink() {
        close();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Left behind in a directory the caller owns and removes; nothing else to do.
        }
    }

    @Override
    public String toString() {
        return fd.toString();
    }
}
