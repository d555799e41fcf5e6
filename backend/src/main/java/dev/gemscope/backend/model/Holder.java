package dev.gemscope.backend.model;

/**
 * An fd in a process that refers to a dma-buf or a DRM node.
 *
 * @param pid the process
 * @param fd the fd number
 * @param kind DMABUF or DRM
 * @param target the {@code /proc/PID/fd/N} link text, verbatim
 * @param dmaBufKey for DMABUF: the buffer's key, or null when it could not be matched
 * @param node for DRM: the node name ({@code renderD128})
 * @param deviceId for DRM: the device, when known
 * @param flags fdinfo flags (octal in the kernel), or null when fdinfo was unreadable
 */
public record Holder(int pid, int fd, Kind kind, String target, String dmaBufKey, String node, String deviceId,
        Integer flags) {

    /** What an fd refers to. */
    public enum Kind { DMABUF, DRM }
}
