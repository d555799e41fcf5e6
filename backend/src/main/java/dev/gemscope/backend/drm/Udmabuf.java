package dev.gemscope.backend.drm;

/**
 * {@code /dev/udmabuf} (4.20+, {@code drivers/dma-buf/udmabuf.c}): turns pages of a sealed memfd
 * into a dma-buf with exporter name {@code udmabuf}.
 */
public interface Udmabuf {

    /** Whether {@code /dev/udmabuf} exists (CONFIG_UDMABUF; not set in Debian's 6.1). */
    boolean available();

    /**
     * UDMABUF_CREATE. The memfd must carry F_SEAL_SHRINK and must not carry F_SEAL_WRITE or
     * F_SEAL_FUTURE_WRITE; offset and size must be page-aligned; otherwise EINVAL.
     *
     * @param flags {@link DmaBufUapi#UDMABUF_FLAGS_CLOEXEC} or 0
     */
    DmaBufFile create(MemFd memfd, long offset, long size, int flags) throws DrmException;
}
