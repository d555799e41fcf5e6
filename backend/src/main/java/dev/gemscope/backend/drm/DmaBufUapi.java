package dev.gemscope.backend.drm;

/**
 * Constants from {@code include/uapi/linux/dma-buf.h}, {@code udmabuf.h} and {@code dma-heap.h}
 * (kernel-interfaces.md §5.6, §5.7), named as there.
 */
public final class DmaBufUapi {

    // DMA_BUF_IOCTL_SYNC flags: a direction (READ, WRITE or RW) combined with START or END.
    public static final long DMA_BUF_SYNC_READ = 1L << 0;
    public static final long DMA_BUF_SYNC_WRITE = 2L << 0;
    public static final long DMA_BUF_SYNC_RW = DMA_BUF_SYNC_READ | DMA_BUF_SYNC_WRITE;
    public static final long DMA_BUF_SYNC_START = 0L << 2;
    public static final long DMA_BUF_SYNC_END = 1L << 2;
    public static final long DMA_BUF_SYNC_VALID_FLAGS_MASK = DMA_BUF_SYNC_RW | DMA_BUF_SYNC_END;

    /** Longest DMA_BUF_SET_NAME name, including the terminating NUL. */
    public static final int DMA_BUF_NAME_LEN = 32;

    /** UDMABUF_CREATE flag: the new dma-buf fd gets O_CLOEXEC. */
    public static final int UDMABUF_FLAGS_CLOEXEC = 0x01;

    /** DMA_HEAP_IOCTL_ALLOC {@code fd_flags} may only hold O_ACCMODE and O_CLOEXEC bits. */
    public static final long DMA_HEAP_VALID_FD_FLAGS = LinuxUapi.O_CLOEXEC | LinuxUapi.O_ACCMODE;
    /** DMA_HEAP_IOCTL_ALLOC {@code heap_flags} must be 0: no heap flags are defined. */
    public static final long DMA_HEAP_VALID_HEAP_FLAGS = 0;

    private DmaBufUapi() {
    }
}
