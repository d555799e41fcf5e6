package dev.gemscope.backend.model;

/**
 * One kernel source the collector tried to read.
 *
 * @param source the kernel path or path pattern, e.g. {@code /sys/kernel/debug/dma_buf/bufinfo} or
 *     {@code /proc/<pid>/fdinfo/<fd>}
 * @param status OK, MISSING, DENIED or ERROR (for a family of files: the worst seen, with counts in detail)
 * @param format the format era detected from the text, e.g. {@code "5.19+"}, or empty
 * @param detail a short human-readable note (counts, error text)
 */
public record SourceRead(String source, String status, String format, String detail) {
}
