package dev.gemscope.backend.drm.jnr;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.drm.MemFd;
import jnr.ffi.Pointer;

/** A memfd ({@code mm/memfd.c}); see {@link MemFd}. */
final class JnrMemFd extends FdBacked implements MemFd {

    private final long size;
    private final String target;

    private JnrMemFd(FdOwner fd, long size, String name) {
        super(fd);
        this.size = size;
        this.target = "memfd:" + name;
    }

    /** {@code memfd_create} (always close-on-exec) then {@code ftruncate}; nothing leaks on failure. */
    static JnrMemFd create(String name, long size, int flags) throws DrmException {
        FdOwner owner = new FdOwner(Native.memfdCreate(name, flags | LinuxUapi.MFD_CLOEXEC), "memfd:" + name);
        try {
            Native.ftruncate(owner.get(), size, "memfd:" + name);
            return new JnrMemFd(owner, size, name);
        } catch (DrmException | RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void addSeals(int seals) throws DrmException {
        Native.fcntl(fd.get(), LinuxUapi.F_ADD_SEALS, seals, "fcntl(F_ADD_SEALS)", target);
    }

    @Override
    public int seals() throws DrmException {
        return Native.fcntl(fd.get(), LinuxUapi.F_GET_SEALS, 0, "fcntl(F_GET_SEALS)", target);
    }

    @Override
    public Mapping mmap(long offset, long length, int prot) throws DrmException {
        Pointer p = Native.mmap(fd.get(), offset, length, prot, target);
        return new JnrMapping(p.address(), length, target);
    }

    @Override
    public String toString() {
        return target + (fd.isOpen() ? "" : " (closed)");
    }
}
