package dev.gemscope.backend.probe;

import static dev.gemscope.backend.probe.ProbeContext.require;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmUapi;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.parse.KernelVersion;
import java.util.Optional;

/** §7 rules 1–6: exporting a handle as a dma-buf fd, and what the fd refers to. */
final class ExportRules {

    private ExportRules() {
    }

    /**
     * The exporter name a driver's PRIME exports carry: {@code DEFINE_DMA_BUF_EXPORT_INFO} uses the
     * module name of the file that expands it, so drivers with their own export function show
     * their own name and the generic {@code drm_gem_prime_export()} shows {@code drm}.
     */
    static Optional<String> exporterName(String driver, KernelVersion k) {
        return switch (driver) {
            case "i915" -> Optional.of("i915");
            case "vgem" -> Optional.of("drm");
            // virtgpu_gem_prime_export() (virtgpu_prime.c, ≈5.12+ for UUID sharing); before that the generic helper.
            case "virtio_gpu" -> Optional.of(k.atLeast(5, 12) ? "virtio_gpu" : "drm");
            default -> Optional.empty();
        };
    }

    /** Rule 1: PRIME_HANDLE_TO_FD gives a dma-buf fd with the driver's exporter name. */
    static final class R1 extends AbstractRule {
        R1() {
            super("1", "PRIME export gives a dma-buf fd with the exporter's name",
                    "drm_prime.c: drm_gem_prime_handle_to_fd; i915_gem_dmabuf.c: i915_gem_prime_export; IGT prime_mmap");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "fd >= 0" + exporterName(driver, k).map(n -> ", exp_name " + n).orElse("");
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    String exp = ctx.exporter(buf);
                    if (exp == null) {
                        return "fd " + buf.fd() + " (fdinfo names no exporter before 5.3)";
                    }
                    Optional<String> want = exporterName(d.driver(), ctx.kernel());
                    require(want.isEmpty() || want.get().equals(exp), "exp_name " + exp,
                            "exporter name " + exp + ", expected " + want.orElse("?"));
                    return "fd >= 0, exp_name " + exp;
                }
            }
        }
    }

    /** Rule 2: flags outside DRM_CLOEXEC|DRM_RDWR are refused. */
    static final class R2 extends AbstractRule {
        R2() {
            super("2", "PRIME export with undefined flags is EINVAL",
                    "drm_prime.c: drm_prime_handle_to_fd_ioctl (flags & ~(DRM_CLOEXEC | DRM_RDWR)); IGT prime_mmap test_errors");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "EINVAL";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                int[] bad = {DrmUapi.DRM_CLOEXEC | 0x1, DrmUapi.DRM_CLOEXEC | 0x4, DrmUapi.DRM_RDWR + 1};
                String seen = null;
                for (int flags : bad) {
                    seen = ctx.expectErrno(d, m.ref() + " flags 0x" + Integer.toHexString(flags), null,
                            () -> f.primeHandleToFd(m.handle(), flags).close(), Errno.EINVAL);
                }
                return seen + " for CLOEXEC|1, CLOEXEC|4, RDWR+1";
            }
        }
    }

    /** Rule 3: exporting a handle that was closed or never existed. */
    static final class R3 extends AbstractRule {
        R3() {
            super("3", "PRIME export of a closed or unknown handle is ENOENT",
                    "drm_prime.c: drm_gem_prime_handle_to_dmabuf (drm_gem_object_lookup fails); IGT prime_mmap");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "ENOENT";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                f.gemClose(m.handle());
                ctx.expectErrno(d, m.ref() + " (closed)", null,
                        () -> f.primeHandleToFd(m.handle(), ctx.exportFlags()).close(), Errno.ENOENT);
                return ctx.expectErrno(d, "probe: unknown handle 0x" + Integer.toHexString(ProbeContext.UNKNOWN_HANDLE),
                        null, () -> f.primeHandleToFd(ProbeContext.UNKNOWN_HANDLE, ctx.exportFlags()).close(),
                        Errno.ENOENT) + " for a closed and an unknown handle";
            }
        }
    }

    /** Rule 4: two exports of one handle are one dma-buf. */
    static final class R4 extends AbstractRule {
        R4() {
            super("4", "exporting a handle twice gives the same dma-buf",
                    "drm_prime.c: drm_gem_prime_handle_to_dmabuf (obj->dma_buf cached, per-file PRIME lookup)");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "same ino (kcmp KCMP_FILE == 0)";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile a = f.primeHandleToFd(m.handle(), ctx.exportFlags());
                        DmaBufFile b = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    long ia = ctx.inode(a);
                    long ib = ctx.inode(b);
                    require(ia == ib, "ino " + ia + " and " + ib, "two different dma-bufs");
                    String kcmp;
                    try {
                        long self = ProcessHandle.current().pid();
                        boolean same = ctx.drm().sameFile(self, a.fd(), self, b.fd());
                        require(same, "kcmp != 0", "same inode but different struct file");
                        kcmp = ", kcmp 0";
                    } catch (DrmException e) {
                        kcmp = " (kcmp: " + e.errnoName() + ")";
                    }
                    return "same ino " + ia + kcmp;
                }
            }
        }
    }

    /** Rule 5: re-exporting an imported handle gives back the original dma-buf. */
    static final class R5 extends AbstractRule {
        R5() {
            super("5", "re-export of an import gives the same dma-buf (ino)",
                    "drm_prime.c: drm_gem_prime_handle_to_dmabuf (obj->import_attach -> its dmabuf; obj->dma_buf)");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "same ino";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            String observed;
            try (DrmFile f = ctx.openPrimary(d); DrmFile g = ctx.openSecond(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    int h = g.primeFdToHandle(buf);
                    try (DmaBufFile again = g.primeHandleToFd(h, ctx.exportFlags())) {
                        require(ctx.inode(buf) == ctx.inode(again), "new ino", "same-device import re-exported as a new dma-buf");
                    }
                    observed = "same ino (same device)";
                }
            }
            try (DrmFile g = ctx.openSecond(d); ForeignBuffer fb = ctx.foreign(d)) {
                int h;
                try {
                    h = g.primeFdToHandle(fb.buffer());
                } catch (DrmException e) {
                    return observed + "; foreign import refused (" + e.errnoName() + "), see rule 11";
                }
                try (DmaBufFile again = g.primeHandleToFd(h, ctx.exportFlags())) {
                    require(ctx.inode(fb.buffer()) == ctx.inode(again), observed + "; new ino for a " + fb.what(),
                            "an imported " + fb.what() + " re-exported as a new dma-buf");
                }
                return observed + " and for a " + fb.what();
            } catch (RuleNotApplicable e) {
                return observed + " (no foreign buffer: " + e.getMessage() + ")";
            }
        }
    }

    /** Rule 6: a dup of the fd is the same dma-buf and keeps it importable. */
    static final class R6 extends AbstractRule {
        R6() {
            super("6", "dup of a dma-buf fd is the same buffer; import through it after close",
                    "fs: dup shares the struct file; IGT prime_self_import basic-with_fd_dup");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "same ino, import after close of the original works";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags());
                try (DmaBufFile copy = buf.dup()) {
                    long ino = ctx.inode(buf);
                    require(ino == ctx.inode(copy), "different ino", "dup is another file");
                    buf.close();
                    int h = f.primeFdToHandle(copy);
                    require(h == m.handle(), "handle " + h, "import through the dup gave handle " + h
                            + ", not the exported " + m.handle());
                    return "same ino " + ino + ", import through dup gives handle " + h;
                } finally {
                    buf.close();
                }
            }
        }
    }
}
