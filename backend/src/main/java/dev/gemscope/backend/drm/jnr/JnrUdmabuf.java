package dev.gemscope.backend.drm.jnr;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.drm.Udmabuf;
import dev.gemscope.backend.drm.jnr.DmaBufStructs.UdmabufCreateStruct;
import dev.gemscope.backend.source.SystemRoot;

/**
 * {@code /dev/udmabuf}: opened for each creation and closed right after, since the dma-buf does
 * not depend on the misc device staying open ({@code udmabuf.c: udmabuf_create()} returns a new
 * dma-buf fd as the ioctl's return value).
 */
final class JnrUdmabuf implements Udmabuf {

    static final String DEVICE = "/dev/udmabuf";

    private final SystemRoot root;

    JnrUdmabuf(SystemRoot root) {
        this.root = root;
    }

    @Override
    public boolean available() {
        return root.exists(DEVICE);
    }

    @Override
    public DmaBufFile create(MemFd memfd, long offset, long size, int flags) throws DrmException {
        try (FdOwner dev = new FdOwner(
                Native.open(root.resolve(DEVICE).toString(), LinuxUapi.O_RDWR | LinuxUapi.O_CLOEXEC), DEVICE)) {
            UdmabufCreateStruct c = Native.alloc(new UdmabufCreateStruct(Native.runtime()));
            c.memfd.set(memfd.fd());
            c.flags.set(flags);
            c.offset.set(offset);
            c.size.set(size);
            int fd = Native.ioctl(dev.get(), KnownIoctl.UDMABUF_CREATE, c, DEVICE);
            return new JnrDmaBufFile(fd, "udmabuf");
        }
    }
}
