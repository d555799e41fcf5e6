package dev.gemscope.backend.drm;

import java.util.Optional;

/**
 * An open DRM device node ({@code /dev/dri/cardN} or {@code renderDN}).
 *
 * <p><b>Handles.</b> GEM handles are numbers in this file's namespace, owned by the file: closing
 * it releases every handle it holds ({@code drm_gem.c: drm_gem_release()}), which is how this layer
 * guarantees nothing leaks. {@link #gemClose} and {@link #destroyDumb} release one early. Handles
 * are not wrapped in objects because the kernel de-duplicates them: a PRIME import of a buffer
 * this file already has returns the existing handle (kernel-interfaces.md §7 rules 7, 8), so two
 * "owners" would close one handle twice.
 *
 * <p>Errors are the kernel's, passed through as {@link DrmException}; the ones to expect are listed
 * in kernel-interfaces.md §5.2 for each ioctl.
 */
public interface DrmFile extends OwnedFile {

    /** The device path this was opened from. */
    String path();

    /** DRM_IOCTL_VERSION: driver name, version, date and description (two calls: lengths, then text). */
    DrmVersion version() throws DrmException;

    /** DRM_IOCTL_GET_UNIQUE: the bus id; primary nodes only (EACCES on render nodes). */
    String unique() throws DrmException;

    /** DRM_IOCTL_GET_CAP for a {@link DrmUapi} DRM_CAP_ constant; unknown caps fail with EINVAL. */
    long getCap(long capability) throws DrmException;

    /** DRM_IOCTL_SET_CLIENT_CAP. */
    void setClientCap(long capability, long value) throws DrmException;

    /** DRM_IOCTL_GEM_CLOSE: releases one handle of this file; an unknown handle gives EINVAL. */
    void gemClose(int handle) throws DrmException;

    /** DRM_IOCTL_GEM_FLINK: a global name for the object (DRM_AUTH: EACCES on render nodes). */
    int flink(int handle) throws DrmException;

    /** DRM_IOCTL_GEM_OPEN: a new handle for a flink name, with the object's size. */
    GemObjectRef gemOpen(int name) throws DrmException;

    /** DRM_IOCTL_MODE_CREATE_DUMB (primary node): a linear buffer of {@code width×height×bpp}. */
    DumbBuffer createDumb(int width, int height, int bpp) throws DrmException;

    /** DRM_IOCTL_MODE_MAP_DUMB: the fake offset to pass to {@link #mmap}. */
    long mapDumb(int handle) throws DrmException;

    /** DRM_IOCTL_MODE_DESTROY_DUMB. */
    void destroyDumb(int handle) throws DrmException;

    /**
     * DRM_IOCTL_PRIME_HANDLE_TO_FD with {@link DrmUapi#DRM_CLOEXEC} / {@link DrmUapi#DRM_RDWR}.
     * The returned file is owned by the caller. Exporting the same handle again gives a second fd
     * on the same dma-buf.
     */
    DmaBufFile primeHandleToFd(int handle, int flags) throws DrmException;

    /** DRM_IOCTL_PRIME_FD_TO_HANDLE: this file's handle for the buffer (the existing one if any). */
    int primeFdToHandle(DmaBufFile buffer) throws DrmException;

    /** As {@link #primeFdToHandle(DmaBufFile)} for any descriptor, e.g. one received from elsewhere. */
    int primeFdToHandle(int fd) throws DrmException;

    /** {@code mmap} of this DRM file at a fake offset from MAP_DUMB, MMAP_GTT or MMAP_OFFSET. */
    Mapping mmap(long fakeOffset, long length, int prot) throws DrmException;

    /** The i915 ioctls, if the driver is i915 (driver numbers mean different things per driver). */
    Optional<I915File> i915() throws DrmException;

    /** The vgem ioctls, if the driver is vgem. */
    Optional<VgemFile> vgem() throws DrmException;
}
