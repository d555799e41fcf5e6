package dev.gemscope.backend.drm.jnr;

import java.nio.charset.StandardCharsets;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.drm.OwnedFile;
import dev.gemscope.backend.drm.jnr.DmaBufStructs.DmaBufExportSyncFileStruct;
import dev.gemscope.backend.drm.jnr.DmaBufStructs.DmaBufSyncStruct;
import jnr.ffi.Pointer;

/** A dma-buf descriptor ({@code drivers/dma-buf/dma-buf.c}); see {@link DmaBufFile}. */
final class JnrDmaBufFile extends FdBacked implements DmaBufFile {

    /** Fixed at creation, so messages still name the buffer after close. */
    private final String target;

    JnrDmaBufFile(int fd, String origin) {
        super(new FdOwner(fd, "dma-buf"));
        this.target = "dma-buf fd " + fd + (origin.isEmpty() ? "" : " from " + origin);
    }

    @Override
    public long size() throws DrmException {
        return Native.lseek(fd.get(), 0, LinuxUapi.SEEK_END, target);
    }

    @Override
    public long seek(long offset, int whence) throws DrmException {
        return Native.lseek(fd.get(), offset, whence, target);
    }

    @Override
    public void sync(long flags) throws DrmException {
        DmaBufSyncStruct s = Native.alloc(new DmaBufSyncStruct(Native.runtime()));
        s.flags.set(flags);
        Native.ioctl(fd.get(), KnownIoctl.DMA_BUF_IOCTL_SYNC, s, target);
    }

    @Override
    public void setName(String name) throws DrmException {
        // The argument is the address of a NUL-terminated string (dma-buf.c: dma_buf_set_name()
        // does strndup_user(buf, DMA_BUF_NAME_LEN)); too long a name is the kernel's EINVAL to give.
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        Pointer text = Native.allocate(bytes.length + 1L);
        text.put(0, bytes, 0, bytes.length);
        text.putByte(bytes.length, (byte) 0);
        try {
            Native.ioctl(fd.get(), KnownIoctl.DMA_BUF_SET_NAME, text, target);
        } finally {
            java.lang.ref.Reference.reachabilityFence(text);
        }
    }

    @Override
    public OwnedFile exportSyncFile(int flags) throws DrmException {
        DmaBufExportSyncFileStruct s = Native.alloc(new DmaBufExportSyncFileStruct(Native.runtime()));
        s.flags.set(flags);
        s.fd.set(-1);
        Native.ioctl(fd.get(), KnownIoctl.DMA_BUF_IOCTL_EXPORT_SYNC_FILE, s, target);
        return new JnrOwnedFile(new FdOwner(s.fd.get(), "sync_file of " + target));
    }

    @Override
    public Mapping mmap(long offset, long length, int prot) throws DrmException {
        Pointer p = Native.mmap(fd.get(), offset, length, prot, target);
        return new JnrMapping(p.address(), length, target);
    }

    @Override
    public int poll(int events, int timeoutMillis) throws DrmException {
        return Native.poll(fd.get(), events, timeoutMillis, target);
    }

    @Override
    public DmaBufFile dup() throws DrmException {
        return new JnrDmaBufFile(Native.dupCloexec(fd.get(), target), "dup of " + target);
    }

    @Override
    public String toString() {
        return target + (fd.isOpen() ? "" : " (closed)");
    }
}
