package dev.gemscope.backend.drm;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The result of a {@link DeepMode} scan of one process's DRM descriptor.
 *
 * @param pid the target process
 * @param fd the target's descriptor number
 * @param driver the driver name from DRM_IOCTL_VERSION; empty if the fd is not a DRM file
 * @param status what could be done
 * @param reason for anything but {@link Status#SCANNED}: why not, in words
 * @param handles the handles found, ascending
 * @param highestProbed the last handle number tried (0 if none)
 */
public record DeepScan(long pid, int fd, String driver, Status status, String reason, List<Handle> handles,
        int highestProbed) {

    public DeepScan {
        handles = List.copyOf(handles);
    }

    /** What the scan could do. */
    public enum Status {
        /** Handles were enumerated. */
        SCANNED,
        /**
         * The driver has no read-only ioctl that takes any handle and answers ENOENT for a free one,
         * so handles cannot be enumerated without side effects. Only i915 is supported.
         */
        UNSUPPORTED_DRIVER,
        /** The descriptor is not a DRM device file (DRM_IOCTL_VERSION failed). */
        NOT_DRM
    }

    /**
     * One live handle in the target's namespace.
     *
     * @param handle the number
     * @param busy the raw I915_GEM_BUSY word: 0 idle; low 16 bits = (class + 1) of the last writer,
     *     high 16 bits = classes reading
     * @param tiling from GET_TILING; empty when the platform has no fences (EOPNOTSUPP)
     * @param caching from GET_CACHING; empty on discrete GPUs (EOPNOTSUPP)
     * @param vanished true if the handle was closed by its owner between the probes
     */
    public record Handle(int handle, int busy, Optional<I915Tiling> tiling, OptionalInt caching, boolean vanished) {
    }
}
