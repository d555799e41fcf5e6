package dev.gemscope.backend.drm.jnr;

import java.util.List;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DmaHeaps;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.jnr.DmaBufStructs.DmaHeapAllocationDataStruct;
import dev.gemscope.backend.source.SystemRoot;

/** {@code /dev/dma_heap/<name>}; the heap device is opened per allocation and closed at once. */
final class JnrDmaHeaps implements DmaHeaps {

    static final String DIR = "/dev/dma_heap";

    private final SystemRoot root;

    JnrDmaHeaps(SystemRoot root) {
        this.root = root;
    }

    @Override
    public List<String> list() {
        return root.list(DIR).names();
    }

    @Override
    public DmaBufFile alloc(String heapName, long length, int fdFlags) throws DrmException {
        if (heapName.isEmpty() || heapName.contains("/") || heapName.startsWith(".")) {
            throw new IllegalArgumentException("not a heap name: " + heapName);
        }
        String path = DIR + "/" + heapName;
        try (FdOwner heap = new FdOwner(
                Native.open(root.resolve(path).toString(), LinuxUapi.O_RDONLY | LinuxUapi.O_CLOEXEC), path)) {
            DmaHeapAllocationDataStruct a = Native.alloc(new DmaHeapAllocationDataStruct(Native.runtime()));
            a.len.set(length);
            a.fd_flags.set(fdFlags);
            a.heap_flags.set(0);
            Native.ioctl(heap.get(), KnownIoctl.DMA_HEAP_IOCTL_ALLOC, a, path);
            return new JnrDmaBufFile(a.fd.intValue(), path);
        }
    }
}
