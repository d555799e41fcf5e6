package dev.gemscope.backend.drm;

/**
 * The vgem driver ioctls ({@code drivers/gpu/drm/vgem/vgem_fence.c}, kernel-interfaces.md §5.5):
 * a test harness for implicit fences on any GEM handle.
 */
public interface VgemFile {

    /**
     * DRM_IOCTL_VGEM_FENCE_ATTACH: adds an unsignalled fence to the object's reservation
     * ({@link VgemUapi#VGEM_FENCE_WRITE} for a write fence) and returns its id. The kernel signals
     * it by itself after 10 s. EBUSY if a conflicting unsignalled fence is already there.
     */
    int fenceAttach(int handle, int flags) throws DrmException;

    /**
     * DRM_IOCTL_VGEM_FENCE_SIGNAL: signals and forgets the fence. ETIMEDOUT if it had already
     * timed out (it is still forgotten); ENOENT for an id that is unknown or already signalled.
     */
    void fenceSignal(int fence) throws DrmException;
}
