package dev.gemscope.backend.parse.dmabuf;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One dma-buf listed in bufinfo. Field meanings: kernel-interfaces.md §1.2.
 *
 * @param line 1-based line of the buffer line in the text
 * @param size bytes ({@code %08zu}; unsigned, see {@link Long#toUnsignedString})
 * @param flags the dma-buf file's {@code f_flags}, raw; see {@link DmaBufFileBits#describeFlags}
 * @param mode the dma-buf file's {@code f_mode}, raw; see {@link DmaBufFileBits#describeMode}
 * @param count references to the dma-buf {@code struct file}
 * @param expName exporter name ({@code i915}, {@code drm}, …; a source path on 3.10–3.13)
 * @param ino the dma-buf inode number (5.3+), the identity key on 6.x
 * @param name the name set with {@code DMA_BUF_SET_NAME}; empty when unset (printed {@code ""} or
 *     {@code <none>}) and before 5.3. May contain spaces and TABs.
 * @param fences fence lines in printed order
 * @param attachments device names, one per attachment, in printed order; duplicates are real
 *     (one per importing GEM object)
 * @param declaredAttachments the number in {@code Total N devices attached}, if that line was read
 * @param complete whether the buffer's {@code Total N devices attached} line was read; when false
 *     the read stopped inside this buffer and its fences or attachments may be missing
 */
public record BufinfoBuffer(int line, long size, int flags, int mode, long count, String expName,
        OptionalLong ino, Optional<String> name, List<BufinfoFence> fences, List<String> attachments,
        OptionalInt declaredAttachments, boolean complete) {

    public BufinfoBuffer {
        fences = List.copyOf(fences);
        attachments = List.copyOf(attachments);
    }
}
