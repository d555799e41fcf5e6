package dev.gemscope.backend.parse.dmabuf;

/**
 * Generations of {@code /sys/kernel/dmabuf/buffers/<ino>/} ({@code drivers/dma-buf/dma-buf-sysfs-stats.c},
 * CONFIG_DMABUF_SYSFS_STATS, kernel-interfaces.md §8.2), told apart by whether an
 * {@code attachments/} directory exists.
 */
public enum SysfsStatsLayout {
    /** 5.13 to about 5.17: {@code exporter_name}, {@code size} and {@code attachments/<uid>/}. */
    WITH_ATTACHMENTS,
    /** About 5.18 until removal (6.19–7.1): {@code exporter_name} and {@code size} only. */
    BUFFER_ONLY
}
