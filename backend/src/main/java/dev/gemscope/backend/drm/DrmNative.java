package dev.gemscope.backend.drm;

/**
 * Entry point to the native layer: everything that needs syscalls. The jnr implementation is
 * {@code dev.gemscope.backend.drm.jnr.JnrDrmNative}; nothing outside that package depends on jnr.
 */
public interface DrmNative {

    /** DRM device nodes. */
    DrmDevices devices();

    /** {@code /dev/udmabuf}. */
    Udmabuf udmabuf();

    /** {@code /dev/dma_heap/*}. */
    DmaHeaps dmaHeaps();

    /**
     * {@code memfd_create(name, flags)} then {@code ftruncate(size)}.
     *
     * @param flags {@link LinuxUapi} MFD_ bits; MFD_CLOEXEC is always added
     */
    MemFd memfd(String name, long size, int flags) throws DrmException;

    /** Deep mode, only with the caller's explicit consent. */
    DeepMode deepMode(DeepMode.Consent consent);

    /**
     * {@code kcmp(pid1, pid2, KCMP_FILE, fd1, fd2) == 0}: whether two descriptors refer to the same
     * open file (e.g. the same dma-buf). Needs ptrace-read access to both processes; ENOSYS
     * without CONFIG_KCMP.
     */
    boolean sameFile(long pid1, int fd1, long pid2, int fd2) throws DrmException;

    /** Binds and listens on a new unix socket at {@code path} (at most 107 bytes). */
    UnixListener unixListen(java.nio.file.Path path) throws DrmException;

    /** Connects to the unix socket listening at {@code path}. */
    UnixSocket unixConnect(java.nio.file.Path path) throws DrmException;

    /**
     * Starts {@code argv} (an absolute path first) as a holder: its descriptors 3, 4, … are
     * duplicates of {@code fds} in order, 0 and 1 are {@code /dev/null}, 2 is ours, and nothing
     * else of this process is inherited (posix_spawn, close-from). Its environment is empty.
     */
    HolderProcess spawnHolder(java.util.List<Integer> fds, java.util.List<String> argv) throws DrmException;
}
