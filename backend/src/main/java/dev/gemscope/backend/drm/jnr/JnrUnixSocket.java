package dev.gemscope.backend.drm.jnr;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.UnixSocket;

/** A connected SOCK_SEQPACKET unix socket; see {@link UnixSocket}. */
final class JnrUnixSocket extends FdBacked implements UnixSocket {

    private final String target;

    JnrUnixSocket(int fd, String target) {
        super(new FdOwner(fd, "unix socket " + target));
        this.target = "unix socket " + target;
    }

    @Override
    public void sendFd(int passFd, byte[] message) throws DrmException {
        Native.sendFd(fd.get(), passFd, message, target);
    }

    @Override
    public Received receiveDmaBuf(int maxBytes) throws DrmException {
        Native.ReceivedFd r = Native.receiveFd(fd.get(), maxBytes, target);
        if (r.fd() < 0) {
            throw new DrmException("recvmsg", target, Errno.EBADMSG.number(), "no SCM_RIGHTS descriptor in the message");
        }
        return new Received(r.message(), new JnrDmaBufFile(r.fd(), "SCM_RIGHTS on " + target));
    }

    @Override
    public String toString() {
        return fd.toString();
    }
}
