package dev.gemscope.backend.parse.dmabuf;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * One {@code /sys/kernel/dmabuf/buffers/<ino>/} directory.
 *
 * @param layout whether the directory had an {@code attachments/} sub-directory (5.13-era)
 * @param ino the directory name as a number: the dma-buf inode, as in bufinfo and fdinfo
 * @param exporterName {@code exporter_name}, the same text as bufinfo's {@code exp_name}
 * @param size {@code size} in bytes (unsigned, see {@link Long#toUnsignedString})
 * @param attachments attachments ordered by uid (empty for {@link SysfsStatsLayout#BUFFER_ONLY})
 * @param warnings missing files, values that are not numbers, values cut short
 */
public record SysfsDmaBuf(SysfsStatsLayout layout, OptionalLong ino, Optional<String> exporterName,
        OptionalLong size, List<SysfsDmaBufAttachment> attachments, List<ParseWarning> warnings) {

    public SysfsDmaBuf {
        attachments = List.copyOf(attachments);
        warnings = List.copyOf(warnings);
    }
}
