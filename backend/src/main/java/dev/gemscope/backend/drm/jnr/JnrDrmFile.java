package dev.gemscope.backend.drm.jnr;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmVersion;
import dev.gemscope.backend.drm.DumbBuffer;
import dev.gemscope.backend.drm.GemObjectRef;
import dev.gemscope.backend.drm.I915File;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.drm.VgemFile;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmGemCloseStruct;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmGemFlinkStruct;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmGemOpenStruct;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmGetCapStruct;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmModeCreateDumbStruct;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmModeDestroyDumbStruct;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmModeMapDumbStruct;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmPrimeHandleStruct;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmSetClientCapStruct;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmUniqueStruct;
import dev.gemscope.backend.drm.jnr.DrmStructs.DrmVersionStruct;
import jnr.ffi.Pointer;

/** An open DRM node; the DRM core ioctls of {@code drivers/gpu/drm/drm_ioctl.c}. See {@link DrmFile}. */
final class JnrDrmFile extends FdBacked implements DrmFile {

    /** Longer driver strings than this are cut: they are short constants in every driver. */
    private static final long MAX_STRING = 4096;

    private final String path;
    private volatile String driver;

    JnrDrmFile(FdOwner fd, String path) {
        super(fd);
        this.path = path;
    }

    @Override
    public String path() {
        return path;
    }

    FdOwner owner() {
        return fd;
    }

    @Override
    public DrmVersion version() throws DrmException {
        return version(fd, path);
    }

    /**
     * DRM_IOCTL_VERSION in the documented two steps: with zero lengths the kernel only reports the
     * lengths; the second call copies at most the buffer sizes ({@code drm_ioctl.c: drm_copy_field()}).
     */
    static DrmVersion version(FdOwner fd, String target) throws DrmException {
        DrmVersionStruct probe = Native.alloc(new DrmVersionStruct(Native.runtime()));
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_VERSION, probe, target);
        long nameLen = Math.min(probe.name_len.get(), MAX_STRING);
        long dateLen = Math.min(probe.date_len.get(), MAX_STRING);
        long descLen = Math.min(probe.desc_len.get(), MAX_STRING);
        Pointer name = Native.allocate(nameLen);
        Pointer date = Native.allocate(dateLen);
        Pointer desc = Native.allocate(descLen);
        DrmVersionStruct v = Native.alloc(new DrmVersionStruct(Native.runtime()));
        v.name_len.set(nameLen);
        v.name.set(name);
        v.date_len.set(dateLen);
        v.date.set(date);
        v.desc_len.set(descLen);
        v.desc.set(desc);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_VERSION, v, target, name, date, desc);
        return new DrmVersion(v.version_major.get(), v.version_minor.get(), v.version_patchlevel.get(),
                string(name, Math.min(nameLen, v.name_len.get())),
                string(date, Math.min(dateLen, v.date_len.get())),
                string(desc, Math.min(descLen, v.desc_len.get())));
    }

    private static String string(Pointer p, long len) {
        byte[] b = new byte[(int) len];
        p.get(0, b, 0, b.length);
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public String unique() throws DrmException {
        DrmUniqueStruct probe = Native.alloc(new DrmUniqueStruct(Native.runtime()));
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_GET_UNIQUE, probe, path);
        long len = Math.min(probe.unique_len.get(), MAX_STRING);
        Pointer buf = Native.allocate(len);
        DrmUniqueStruct u = Native.alloc(new DrmUniqueStruct(Native.runtime()));
        u.unique_len.set(len);
        u.unique.set(buf);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_GET_UNIQUE, u, path, buf);
        return string(buf, Math.min(len, u.unique_len.get()));
    }

    @Override
    public long getCap(long capability) throws DrmException {
        DrmGetCapStruct c = Native.alloc(new DrmGetCapStruct(Native.runtime()));
        c.capability.set(capability);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_GET_CAP, c, path);
        return c.value.get();
    }

    @Override
    public void setClientCap(long capability, long value) throws DrmException {
        DrmSetClientCapStruct c = Native.alloc(new DrmSetClientCapStruct(Native.runtime()));
        c.capability.set(capability);
        c.value.set(value);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_SET_CLIENT_CAP, c, path);
    }

    @Override
    public void gemClose(int handle) throws DrmException {
        DrmGemCloseStruct c = Native.alloc(new DrmGemCloseStruct(Native.runtime()));
        c.handle.set(handle);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_GEM_CLOSE, c, path);
    }

    @Override
    public int flink(int handle) throws DrmException {
        DrmGemFlinkStruct f = Native.alloc(new DrmGemFlinkStruct(Native.runtime()));
        f.handle.set(handle);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_GEM_FLINK, f, path);
        return f.name.intValue();
    }

    @Override
    public GemObjectRef gemOpen(int name) throws DrmException {
        DrmGemOpenStruct o = Native.alloc(new DrmGemOpenStruct(Native.runtime()));
        o.name.set(name);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_GEM_OPEN, o, path);
        return new GemObjectRef(o.handle.intValue(), o.size.get());
    }

    @Override
    public DumbBuffer createDumb(int width, int height, int bpp) throws DrmException {
        DrmModeCreateDumbStruct d = Native.alloc(new DrmModeCreateDumbStruct(Native.runtime()));
        d.width.set(width);
        d.height.set(height);
        d.bpp.set(bpp);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_MODE_CREATE_DUMB, d, path);
        return new DumbBuffer(d.handle.intValue(), width, height, bpp, d.pitch.intValue(), d.size.get());
    }

    @Override
    public long mapDumb(int handle) throws DrmException {
        DrmModeMapDumbStruct m = Native.alloc(new DrmModeMapDumbStruct(Native.runtime()));
        m.handle.set(handle);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_MODE_MAP_DUMB, m, path);
        return m.offset.get();
    }

    @Override
    public void destroyDumb(int handle) throws DrmException {
        DrmModeDestroyDumbStruct d = Native.alloc(new DrmModeDestroyDumbStruct(Native.runtime()));
        d.handle.set(handle);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_MODE_DESTROY_DUMB, d, path);
    }

    @Override
    public DmaBufFile primeHandleToFd(int handle, int flags) throws DrmException {
        DrmPrimeHandleStruct p = Native.alloc(new DrmPrimeHandleStruct(Native.runtime()));
        p.handle.set(handle);
        p.flags.set(flags);
        p.fd.set(-1);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_PRIME_HANDLE_TO_FD, p, path);
        return new JnrDmaBufFile(p.fd.get(), path + " handle " + handle);
    }

    @Override
    public int primeFdToHandle(DmaBufFile buffer) throws DrmException {
        return primeFdToHandle(buffer.fd());
    }

    @Override
    public int primeFdToHandle(int dmaBufFd) throws DrmException {
        DrmPrimeHandleStruct p = Native.alloc(new DrmPrimeHandleStruct(Native.runtime()));
        p.fd.set(dmaBufFd);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_PRIME_FD_TO_HANDLE, p, path);
        return p.handle.intValue();
    }

    @Override
    public Mapping mmap(long fakeOffset, long length, int prot) throws DrmException {
        Pointer p = Native.mmap(fd.get(), fakeOffset, length, prot, path);
        return new JnrMapping(p.address(), length, path);
    }

    @Override
    public Optional<I915File> i915() throws DrmException {
        return "i915".equals(driver()) ? Optional.of(new JnrI915File(fd, path)) : Optional.empty();
    }

    @Override
    public Optional<VgemFile> vgem() throws DrmException {
        return "vgem".equals(driver()) ? Optional.of(new JnrVgemFile(fd, path)) : Optional.empty();
    }

    /** The driver name, asked once: it cannot change for an open file. */
    private String driver() throws DrmException {
        String d = driver;
        if (d == null) {
            d = version().name();
            driver = d;
        }
        return d;
    }

    @Override
    public String toString() {
        return fd.toString();
    }
}
