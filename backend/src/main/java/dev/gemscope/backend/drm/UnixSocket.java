package dev.gemscope.backend.drm;

/**
 * One connected {@code AF_UNIX}/{@code SOCK_SEQPACKET} socket that carries descriptors with
 * {@code SCM_RIGHTS} (unix(7)) — the way compositors and clients hand dma-bufs to each other.
 */
public interface UnixSocket extends OwnedFile {

    /**
     * {@code sendmsg(2)} of one message with one descriptor in an {@code SCM_RIGHTS} control
     * message. The receiver gets its own descriptor for the same open file.
     */
    void sendFd(int fd, byte[] message) throws DrmException;

    /**
     * {@code recvmsg(2)} of one message (at most {@code maxBytes}) and the dma-buf descriptor it
     * carries, received close-on-exec. Fails with EBADMSG when the message carried no descriptor
     * or was truncated.
     */
    Received receiveDmaBuf(int maxBytes) throws DrmException;

    /** A received message and the descriptor that came with it. */
    record Received(byte[] message, DmaBufFile dmaBuf) {
    }
}
