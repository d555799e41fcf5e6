package dev.gemscope.backend.parse.dmabuf;

import java.util.List;
import java.util.Optional;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * The parsed {@code /sys/kernel/debug/dma_buf/bufinfo}.
 *
 * @param era the layout detected from the text
 * @param buffers every buffer whose buffer line could be read, in printed order
 * @param totals the final {@code Total N objects, M bytes} line, if it was read
 * @param skippedBuffers buffers the kernel left out with {@code ERROR locking buffer object:
 *     skipping} (3.10 to about 5.3), each also reported as a warning
 * @param complete true when the text ended with a newline and contained the final totals line,
 *     i.e. the kernel finished printing
 * @param warnings lines not understood, cut-off text, and counts that do not add up
 */
public record Bufinfo(BufinfoEra era, List<BufinfoBuffer> buffers, Optional<BufinfoTotals> totals,
        int skippedBuffers, boolean complete, List<ParseWarning> warnings) {

    public Bufinfo {
        buffers = List.copyOf(buffers);
        warnings = List.copyOf(warnings);
    }

    /** The buffer with this inode number (5.3+), if listed. */
    public Optional<BufinfoBuffer> byInode(long ino) {
        return buffers.stream()
                .filter(b -> b.ino().isPresent() && b.ino().getAsLong() == ino)
                .findFirst();
    }
}
