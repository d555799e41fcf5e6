package dev.gemscope.backend.model;

import java.util.List;

/**
 * A dma-buf, from {@code bufinfo} (and sysfs stats / fdinfo where bufinfo is not readable).
 *
 * @param key stable key within the snapshot: {@code "ino:<n>"} where the kernel prints an inode
 *     (5.3+), else {@code "buf:<index in bufinfo>"}
 * @param ino the dma-buf inode (unique on 6.1+), or null before 5.3
 * @param size bytes
 * @param exporter exp_name ({@code i915}, {@code drm}, {@code udmabuf}, a heap name, a source path on 3.10)
 * @param name set by DMA_BUF_SET_NAME, or null
 * @param fileCount references to the dma-buf file (bufinfo count), or null when unknown
 * @param flags the file's f_flags (O_ACCMODE | O_NONBLOCK of the first export), or null
 * @param mode the file's f_mode bits, or null
 * @param fences fences on its reservation object
 * @param exporterDeviceId the DRM device that exported it, when it can be told, or null
 */
public record DmaBuf(
        String key,
        Long ino,
        long size,
        String exporter,
        String name,
        Long fileCount,
        Integer flags,
        Integer mode,
        List<Fence> fences,
        String exporterDeviceId) {

    public DmaBuf {
        fences = Lists.copy(fences);
    }

    /**
     * A fence on the buffer.
     *
     * @param usage {@code exclusive}/{@code shared} (≤5.18) or {@code kernel}/{@code write}/{@code read}
     * @param driver fence driver name (empty for signalled fences on 7.x)
     * @param timeline fence timeline name
     * @param context fence context (7.x), or null
     * @param seqno sequence number (5.17+), or null
     * @param signalled whether it has signalled
     */
    public record Fence(String usage, String driver, String timeline, Long context, Long seqno, boolean signalled) {
    }
}
