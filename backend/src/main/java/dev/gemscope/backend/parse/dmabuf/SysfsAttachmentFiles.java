package dev.gemscope.backend.parse.dmabuf;

/**
 * What the caller read from one {@code attachments/<uid>/} directory of the 5.13 sysfs stats.
 *
 * @param dirName the directory name, the attachment's uid ({@code "%u"})
 * @param mapCounterText text of {@code map_counter}, or null if it could not be read
 * @param deviceLink target (or just its last component) of the {@code device} link, or null if the
 *     link is missing — the kernel adds it after the directory, from a work queue
 */
public record SysfsAttachmentFiles(String dirName, String mapCounterText, String deviceLink) {
}
