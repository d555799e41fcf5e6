package dev.gemscope.backend.parse.dmabuf;

/**
 * The final {@code Total N objects, M bytes} line of bufinfo, as the kernel counted it. Buffers the
 * kernel skipped because their lock could not be taken are not included in these numbers.
 *
 * @param objects number of buffers listed
 * @param bytes sum of their sizes ({@code %zu}; read as unsigned, see {@link Long#toUnsignedString})
 */
public record BufinfoTotals(long objects, long bytes) {
}
