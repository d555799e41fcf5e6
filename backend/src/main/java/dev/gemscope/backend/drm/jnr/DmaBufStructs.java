package dev.gemscope.backend.drm.jnr;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * The structs of {@code include/uapi/linux/dma-buf.h}, {@code udmabuf.h} and {@code dma-heap.h}
 * (kernel-interfaces.md §5.6, §5.7).
 */
final class DmaBufStructs {

    private DmaBufStructs() {
    }

    @CStruct(value = "struct dma_buf_sync", header = "linux/dma-buf.h")
    static final class DmaBufSyncStruct extends Struct {
        public final Unsigned64 flags = new Unsigned64();

        DmaBufSyncStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct dma_buf_export_sync_file", header = "linux/dma-buf.h")
    static final class DmaBufExportSyncFileStruct extends Struct {
        public final Unsigned32 flags = new Unsigned32();
        /** Out: the sync_file descriptor. */
        public final Signed32 fd = new Signed32();

        DmaBufExportSyncFileStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct udmabuf_create", header = "linux/udmabuf.h")
    static final class UdmabufCreateStruct extends Struct {
        public final Unsigned32 memfd = new Unsigned32();
        public final Unsigned32 flags = new Unsigned32();
        public final Unsigned64 offset = new Unsigned64();
        public final Unsigned64 size = new Unsigned64();

        UdmabufCreateStruct(Runtime runtime) {
            super(runtime);
        }
    }

    @CStruct(value = "struct dma_heap_allocation_data", header = "linux/dma-heap.h")
    static final class DmaHeapAllocationDataStruct extends Struct {
        public final Unsigned64 len = new Unsigned64();
        /** Out: the dma-buf descriptor. */
        public final Unsigned32 fd = new Unsigned32();
        public final Unsigned32 fd_flags = new Unsigned32();
        public final Unsigned64 heap_flags = new Unsigned64();

        DmaHeapAllocationDataStruct(Runtime runtime) {
            super(runtime);
        }
    }
}
