package dev.gemscope.backend.drm;

import java.util.List;

/**
 * The i915 driver ioctls of an open i915 {@link DrmFile} (same descriptor, same handle namespace).
 * Numbers, layouts and per-version errors: kernel-interfaces.md §5.4; CPU access on imported
 * objects: §7 rules 18–21.
 */
public interface I915File {

    /** I915_GETPARAM for an {@link I915Uapi} I915_PARAM_ constant (the kernel writes an int). */
    int getParam(int param) throws DrmException;

    /** I915_GEM_CREATE: a shmem-backed (or LMEM) object; the size comes back page-rounded. */
    GemObjectRef gemCreate(long size) throws DrmException;

    /** I915_GEM_PREAD into {@code dst[dstOffset…]}. */
    void pread(int handle, long offset, byte[] dst, int dstOffset, int length) throws DrmException;

    /** I915_GEM_PWRITE from {@code src[srcOffset…]}. */
    void pwrite(int handle, long offset, byte[] src, int srcOffset, int length) throws DrmException;

    /**
     * Legacy I915_GEM_MMAP: the kernel maps the object itself and returns the address, which the
     * returned {@link Mapping} unmaps on close. ENXIO for imported objects (≈4.10+).
     */
    Mapping gemMmap(int handle, long offset, long size, long flags) throws DrmException;

    /** I915_GEM_MMAP_GTT: a fake offset for {@link DrmFile#mmap}. */
    long mmapGtt(int handle) throws DrmException;

    /** I915_GEM_MMAP_OFFSET (5.5+) with an I915_MMAP_OFFSET_ flag: a fake offset. */
    long mmapOffset(int handle, long flags) throws DrmException;

    /** I915_GEM_SET_DOMAIN. */
    void setDomain(int handle, int readDomains, int writeDomain) throws DrmException;

    /** I915_GEM_BUSY: the raw busy word (0 = idle); read-only, ENOENT for a free handle. */
    int busy(int handle) throws DrmException;

    /** I915_GEM_GET_TILING; read-only. */
    I915Tiling getTiling(int handle) throws DrmException;

    /** I915_GEM_GET_CACHING: an I915_CACHING_ constant; read-only. */
    int getCaching(int handle) throws DrmException;

    /** I915_GEM_MADVISE: returns whether the backing pages are still retained. */
    boolean madvise(int handle, int madv) throws DrmException;

    /** I915_GEM_GET_APERTURE. */
    I915Aperture getAperture() throws DrmException;

    /** I915_QUERY for DRM_I915_QUERY_MEMORY_REGIONS (5.14+). */
    List<I915MemoryRegion> queryMemoryRegions() throws DrmException;
}
