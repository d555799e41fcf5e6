package dev.gemscope.backend.drm.jnr;

import java.util.Objects;

import dev.gemscope.backend.drm.DeepMode;
import dev.gemscope.backend.drm.DmaHeaps;
import dev.gemscope.backend.drm.DrmDevices;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.drm.Udmabuf;
import dev.gemscope.backend.source.SystemRoot;

/** The jnr-ffi implementation of {@link DrmNative}. */
public final class JnrDrmNative implements DrmNative {

    private final DrmDevices devices;
    private final Udmabuf udmabuf;
    private final DmaHeaps heaps;

    private JnrDrmNative(SystemRoot root) {
        this.devices = new JnrDrmDevices(root);
        this.udmabuf = new JnrUdmabuf(root);
        this.heaps = new JnrDmaHeaps(root);
    }

    /**
     * Loads libc through jnr-ffi now, so a broken native setup (jffi's native library missing from
     * a packaged image) shows up here as a {@link LinkageError} the caller can turn into
     * "native access unavailable", rather than later in the middle of a scan.
     *
     * @param root where {@code /dev} and {@code /sys} are read; device files are opened under it
     */
    public static JnrDrmNative load(SystemRoot root) {
        Native.load();
        return new JnrDrmNative(Objects.requireNonNull(root));
    }

    @Override
    public DrmDevices devices() {
        return devices;
    }

    @Override
    public Udmabuf udmabuf() {
        return udmabuf;
    }

    @Override
    public DmaHeaps dmaHeaps() {
        return heaps;
    }

    @Override
    public MemFd memfd(String name, long size, int flags) throws DrmException {
        return JnrMemFd.create(name, size, flags);
    }

    @Override
    public DeepMode deepMode(DeepMode.Consent consent) {
        Objects.requireNonNull(consent, "deep mode needs the caller's explicit consent");
        return new JnrDeepMode();
    }

    @Override
    public boolean sameFile(long pid1, int fd1, long pid2, int fd2) throws DrmException {
        return Native.kcmp(pid1, pid2, LinuxUapi.KCMP_FILE, fd1, fd2) == 0;
    }

    @Override
    public dev.gemscope.backend.drm.UnixListener unixListen(java.nio.file.Path path) throws DrmException {
        return JnrUnixListener.listen(path);
    }

    @Override
    public dev.gemscope.backend.drm.UnixSocket unixConnect(java.nio.file.Path path) throws DrmException {
        return JnrUnixListener.connect(path);
    }

    @Override
    public dev.gemscope.backend.drm.HolderProcess spawnHolder(java.util.List<Integer> fds,
            java.util.List<String> argv) throws DrmException {
        return JnrHolderProcess.spawn(fds, argv);
    }
}
