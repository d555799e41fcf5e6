package dev.gemscope.backend.drm.jnr;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.drm.VgemFile;
import dev.gemscope.backend.drm.jnr.VgemStructs.DrmVgemFenceAttachStruct;
import dev.gemscope.backend.drm.jnr.VgemStructs.DrmVgemFenceSignalStruct;

/** vgem's two ioctls on the owning {@link JnrDrmFile}'s descriptor; see {@link VgemFile}. */
final class JnrVgemFile implements VgemFile {

    private final FdOwner fd;
    private final String target;

    JnrVgemFile(FdOwner fd, String target) {
        this.fd = fd;
        this.target = target;
    }

    @Override
    public int fenceAttach(int handle, int flags) throws DrmException {
        DrmVgemFenceAttachStruct a = Native.alloc(new DrmVgemFenceAttachStruct(Native.runtime()));
        a.handle.set(handle);
        a.flags.set(flags);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_VGEM_FENCE_ATTACH, a, target);
        return a.out_fence.intValue();
    }

    @Override
    public void fenceSignal(int fence) throws DrmException {
        DrmVgemFenceSignalStruct s = Native.alloc(new DrmVgemFenceSignalStruct(Native.runtime()));
        s.fence.set(fence);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_VGEM_FENCE_SIGNAL, s, target);
    }
}
