package dev.gemscope.backend.drm;

import java.util.List;

/**
 * The dma-buf heaps under {@code /dev/dma_heap} (5.6+, {@code drivers/dma-buf/dma-heap.c}): the
 * {@code system} heap, CMA heaps, vendor heaps. In 6.1+ a heap's buffers carry the heap name as
 * exporter name.
 */
public interface DmaHeaps {

    /** Heap names present, sorted; empty when the kernel has no heaps (Debian 6.1). */
    List<String> list();

    /**
     * DMA_HEAP_IOCTL_ALLOC of {@code length} bytes from {@code /dev/dma_heap/<heapName>}.
     *
     * @param fdFlags O_RDWR / O_RDONLY with O_CLOEXEC ({@link DmaBufUapi#DMA_HEAP_VALID_FD_FLAGS})
     */
    DmaBufFile alloc(String heapName, long length, int fdFlags) throws DrmException;
}
