package dev.gemscope.backend.watch;

/**
 * What an fd named in a failed ioctl was, looked up in {@code /proc} when the failure was read.
 *
 * @param pid the thread's process (its {@code Tgid}), or null when the thread was gone
 * @param comm the process's name from {@code /proc}, or null
 * @param kind what the fd was
 * @param link the {@code /proc/PID/fd/N} link text, or null
 * @param deviceId for a DRM node: the device id as snapshots name it ({@code 0000:00:06.0}, {@code vgem}), or null
 * @param driver for a DRM node: the DRM driver ({@code virtio_gpu}), or null
 * @param node for a DRM node: {@code renderD128}, or null
 * @param ino for a dma-buf: its inode, or null
 * @param exporter for a dma-buf: {@code exp_name}, or null
 * @param size for a dma-buf: its size, or null
 * @param note why something is unknown, e.g. "process exited before the fd could be read", or null
 */
public record FdTarget(Integer pid, String comm, Kind kind, String link, String deviceId, String driver, String node,
        Long ino, String exporter, Long size, String note) {

    /** What the fd was. */
    public enum Kind {
        DRM,
        DMA_BUF,
        UDMABUF,
        DMA_HEAP,
        /** Something else: a request with DRM's or dma-buf's type letter on another driver. */
        OTHER,
        /** Not known: the fd or the whole process was gone when the failure was read. */
        UNKNOWN
    }

    static FdTarget unknown(Integer pid, String comm, String note) {
        return new FdTarget(pid, comm, Kind.UNKNOWN, null, null, null, null, null, null, null, note);
    }
}
