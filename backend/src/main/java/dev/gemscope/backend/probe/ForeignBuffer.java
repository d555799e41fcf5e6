package dev.gemscope.backend.probe;

import dev.gemscope.backend.drm.DmaBufFile;
import java.util.List;

/**
 * A dma-buf from another exporter than the device under test, with whatever keeps it alive (the
 * exporting DRM file, the memfd); closing it releases all of them.
 *
 * @param buffer the dma-buf
 * @param what for messages: {@code vgem dumb buffer}, {@code udmabuf}
 * @param exporter who exported it (a DRM driver name, {@code udmabuf}, {@code system})
 * @param owners closed after the buffer
 */
record ForeignBuffer(DmaBufFile buffer, String what, String exporter, List<AutoCloseable> owners)
        implements AutoCloseable {

    @Override
    public void close() {
        buffer.close();
        for (AutoCloseable o : owners) {
            try {
                o.close();
            } catch (Exception e) {
                // Owners here are OwnedFiles, whose close() never throws; nothing to do.
            }
        }
    }
}
