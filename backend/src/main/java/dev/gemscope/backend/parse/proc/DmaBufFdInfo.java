package dev.gemscope.backend.parse.proc;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The dma-buf part of an fdinfo file, printed by {@code drivers/dma-buf/dma-buf.c:
 * dma_buf_show_fdinfo()} since 5.3 and unchanged through 7.3. A dma-buf has no inode line of its
 * own: use {@link FdHeader#ino()} (5.14+), which equals the bufinfo and {@code /proc/PID/maps} inode.
 *
 * @param size buffer size in bytes ({@code size:\t%zu})
 * @param count {@code file_count(file) - 1} ({@code %ld}): the references to the dma-buf's
 *     struct file, minus the one procfs holds while printing. Fd-table entries, mmaps and kernel
 *     users (importers) each hold references
 * @param exporter {@code exp_name}, the exporting driver's name (e.g. {@code i915})
 * @param name the name set with DMA_BUF_SET_NAME; the line is printed only when one is set
 */
public record DmaBufFdInfo(OptionalLong size, OptionalLong count, String exporter, Optional<String> name) {
}
