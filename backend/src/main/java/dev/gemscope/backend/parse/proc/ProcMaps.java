package dev.gemscope.backend.parse.proc;

import java.util.List;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * The GPU-related lines of one {@code /proc/PID/maps}; all other lines are skipped unparsed.
 *
 * @param mappings the GPU mappings in file order
 * @param linesSeen how many lines the text had (including skipped ones)
 * @param dmaBufNaming how dma-buf mappings are named here, which tells the kernel era
 * @param warnings GPU-looking lines that could not be parsed, and a cut last line
 */
public record ProcMaps(List<GpuMapping> mappings, int linesSeen, DmaBufNaming dmaBufNaming,
        List<ParseWarning> warnings) {

    public ProcMaps {
        mappings = List.copyOf(mappings);
        warnings = List.copyOf(warnings);
    }

    /** The dma-buf path spelling found, if any dma-buf is mapped. */
    public enum DmaBufNaming {
        /** No dma-buf mapping in this process: the era cannot be told from it. */
        NONE_SEEN,
        /** {@code anon_inode:dmabuf}: kernels 3.3 – 5.2. */
        ANON_INODE,
        /** {@code /dmabuf:NAME}: kernels 5.3+ (dma-buf pseudo-filesystem, one inode per buffer). */
        DMABUF_FS
    }
}
