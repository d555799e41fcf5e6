package dev.gemscope.backend.parse.dmabuf;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One attachment of a dma-buf in the 5.13 sysfs stats.
 *
 * @param dirName the directory name as listed
 * @param uid the directory name as a number, the attachment's per-buffer uid
 * @param mapCounter how many times the attachment is currently mapped ({@code map_counter})
 * @param device the attached device's name (last component of the {@code device} link), e.g.
 *     {@code 0000:00:02.0} — the same name bufinfo prints under {@code Attached Devices:}
 */
public record SysfsDmaBufAttachment(String dirName, OptionalLong uid, OptionalLong mapCounter,
        Optional<String> device) {
}
