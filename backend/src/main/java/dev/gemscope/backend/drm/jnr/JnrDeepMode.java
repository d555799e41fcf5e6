package dev.gemscope.backend.drm.jnr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import dev.gemscope.backend.drm.DeepMode;
import dev.gemscope.backend.drm.DeepScan;
import dev.gemscope.backend.drm.DeepScanOptions;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmVersion;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.I915Tiling;

/**
 * Deep mode (kernel-interfaces.md Appendix B): {@code pidfd_open} + {@code pidfd_getfd} give us the
 * target's own {@code struct file}, hence its handle namespace; handles 1, 2, … are probed with
 * i915's read-only BUSY, GET_TILING and GET_CACHING, where ENOENT means a free number.
 *
 * <p>Both descriptors are closed before {@link #scan} returns (try-with-resources). Closing the
 * duplicate only drops our reference to the file; the target's handles live on, because a DRM
 * file releases its handles only when its last reference goes ({@code drm_file.c: drm_release()}).
 */
final class JnrDeepMode implements DeepMode {

    @Override
    public DeepScan scan(long pid, int fd, DeepScanOptions options) throws DrmException {
        String target = "pid " + pid + " fd " + fd;
        try (FdOwner pidfd = new FdOwner(Native.pidfdOpen(pid), "pidfd of pid " + pid);
                FdOwner copy = new FdOwner(Native.pidfdGetfd(pidfd.get(), fd, target), target)) {
            DrmVersion version;
            try {
                version = JnrDrmFile.version(copy, target);
            } catch (DrmException e) {
                return new DeepScan(pid, fd, "", DeepScan.Status.NOT_DRM,
                        "not a DRM device file: " + e.getMessage(), List.of(), 0);
            }
            if (!"i915".equals(version.name())) {
                return new DeepScan(pid, fd, version.name(), DeepScan.Status.UNSUPPORTED_DRIVER,
                        "deep mode is not supported on " + version.name() + ": it has no read-only ioctl"
                                + " that takes any GEM handle and answers ENOENT for a free one (i915 has"
                                + " BUSY, GET_TILING and GET_CACHING); probing with FLINK, PRIME export or"
                                + " CLOSE would change the target's state",
                        List.of(), 0);
            }
            return enumerate(pid, fd, new JnrI915File(copy, target), options);
        }
    }

    private static DeepScan enumerate(long pid, int fd, JnrI915File i915, DeepScanOptions options)
            throws DrmException {
        List<DeepScan.Handle> found = new ArrayList<>();
        int freeRun = 0;
        int handle = 0;
        while (handle < options.maxHandle() && freeRun < options.stopAfterFree()) {
            handle++;
            int busy;
            try {
                busy = i915.busy(handle);
            } catch (DrmException e) {
                if (e.is(Errno.ENOENT)) {
                    freeRun++;
                    continue;
                }
                throw e;
            }
            freeRun = 0;
            found.add(probe(i915, handle, busy));
        }
        return new DeepScan(pid, fd, "i915", DeepScan.Status.SCANNED, "", found, handle);
    }

    /** GET_TILING and GET_CACHING; EOPNOTSUPP/ENODEV (no fences, discrete) leave the field empty. */
    private static DeepScan.Handle probe(JnrI915File i915, int handle, int busy) throws DrmException {
        boolean vanished = false;
        Optional<I915Tiling> tiling = Optional.empty();
        OptionalInt caching = OptionalInt.empty();
        try {
            tiling = Optional.of(i915.getTiling(handle));
        } catch (DrmException e) {
            vanished = notApplicable(e);
        }
        if (!vanished) {
            try {
                caching = OptionalInt.of(i915.getCaching(handle));
            } catch (DrmException e) {
                vanished = notApplicable(e);
            }
        }
        return new DeepScan.Handle(handle, busy, tiling, caching, vanished);
    }

    /** True if the handle vanished (ENOENT); false for "not on this platform"; rethrows the rest. */
    private static boolean notApplicable(DrmException e) throws DrmException {
        if (e.is(Errno.ENOENT)) {
            return true;
        }
        if (e.is(Errno.EOPNOTSUPP) || e.is(Errno.ENODEV)) {
            return false;
        }
        throw e;
    }
}
