package dev.gemscope.backend.drm;

/**
 * An open dma-buf file descriptor this layer created (PRIME export, udmabuf, dma-heap, dup).
 * Semantics of each call: kernel-interfaces.md §5.6 and §7, {@code drivers/dma-buf/dma-buf.c}.
 */
public interface DmaBufFile extends OwnedFile {

    /** The buffer size: {@code lseek(fd, 0, SEEK_END)}, the only seek a dma-buf supports. */
    long size() throws DrmException;

    /**
     * {@code lseek(fd, offset, whence)} as it is: the kernel accepts only offset 0 with SEEK_SET or
     * SEEK_END ({@code dma-buf.c: dma_buf_llseek()}) and answers anything else with EINVAL; the
     * probe checks exactly that (kernel-interfaces.md §7 rule 27).
     */
    long seek(long offset, int whence) throws DrmException;

    /**
     * DMA_BUF_IOCTL_SYNC with {@link DmaBufUapi} flags, bracketing CPU access to a mapping
     * ({@code START|RW} before, {@code END|RW} after). Flags without a direction or with undefined
     * bits fail with EINVAL.
     */
    void sync(long flags) throws DrmException;

    /**
     * DMA_BUF_SET_NAME (5.3+): at most {@link DmaBufUapi#DMA_BUF_NAME_LEN} − 1 bytes of UTF-8;
     * longer names fail with EINVAL in the kernel. 5.3–5.10 refuse with EBUSY while attached.
     */
    void setName(String name) throws DrmException;

    /**
     * DMA_BUF_IOCTL_EXPORT_SYNC_FILE (≈6.0+): a sync_file holding the buffer's current implicit
     * fences for {@code flags} ({@link DmaBufUapi#DMA_BUF_SYNC_READ}/{@code WRITE}/{@code RW}).
     */
    OwnedFile exportSyncFile(int flags) throws DrmException;

    /** Maps {@code length} bytes from {@code offset} (page-aligned) shared, with {@link LinuxUapi} PROT_ bits. */
    Mapping mmap(long offset, long length, int prot) throws DrmException;

    /**
     * {@code poll(2)} on this fd for {@code events} ({@link LinuxUapi#POLLIN}: no unsignalled write
     * fence; {@link LinuxUapi#POLLOUT}: no unsignalled fence at all), returning the ready events,
     * 0 when busy after {@code timeoutMillis}.
     */
    int poll(int events, int timeoutMillis) throws DrmException;

    /** A second descriptor for the same dma-buf (close-on-exec), owned separately. */
    DmaBufFile dup() throws DrmException;
}
