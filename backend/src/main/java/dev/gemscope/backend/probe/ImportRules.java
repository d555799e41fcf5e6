package dev.gemscope.backend.probe;

import static dev.gemscope.backend.probe.ProbeContext.require;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.parse.KernelVersion;
import dev.gemscope.backend.parse.dmabuf.BufinfoBuffer;
import java.util.Collections;

/** §7 rules 7–12: importing a dma-buf, from the same device and from elsewhere. */
final class ImportRules {

    private ImportRules() {
    }

    /**
     * What importing a foreign buffer does on this driver: virtio_gpu imports only its own buffers
     * up to 6.12 ({@code virtgpu_gem_prime_import_sg_table()} → ENODEV); from ≈6.13 it can import
     * foreign ones as guest blobs, but only when the device offers blob resources without virgl.
     */
    static String foreignImport(String driver, KernelVersion k) {
        if ("virtio_gpu".equals(driver)) {
            return k.atLeast(6, 13) ? "ENODEV (unless the host offers blob resources)" : "ENODEV";
        }
        return null;
    }

    /** Imports {@code fb} into {@code f}; ENODEV from virtio_gpu is the expected refusal, and ends the rule. */
    static int importForeign(ProbeContext ctx, ProbeDevice d, DrmFile f, ForeignBuffer fb) throws DrmException {
        try {
            return f.primeFdToHandle(fb.buffer());
        } catch (DrmException e) {
            if ("virtio_gpu".equals(d.driver()) && e.is(Errno.ENODEV)) {
                ctx.record(d, "probe: " + fb.what() + " imported into " + d.label(), "imported", e);
                throw new ForeignRefused(e);
            }
            throw e;
        }
    }

    /** The device refused a foreign buffer as its driver is expected to (the rule's expectation then says so). */
    static final class ForeignRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final DrmException cause;

        ForeignRefused(DrmException cause) {
            super(cause.getMessage());
            this.cause = cause;
        }
    }

    /** Rule 7: importing one's own export returns the original handle. */
    static final class R7 extends AbstractRule {
        R7() {
            super("7", "self-import returns the same handle",
                    "drm_prime.c: drm_gem_prime_fd_to_handle (drm_prime_lookup_buf_handle); IGT prime_self_import basic-with_one_bo");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "same handle";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    int h = f.primeFdToHandle(buf);
                    require(h == m.handle(), "handle " + h, "self-import gave handle " + h + ", exported " + m.handle());
                    return "same handle " + h;
                }
            }
        }
    }

    /** Rule 8: importing one dma-buf twice into one file returns one handle. */
    static final class R8 extends AbstractRule {
        R8() {
            super("8", "double import into one fd returns the same handle",
                    "drm_prime.c: drm_gem_prime_fd_to_handle (per-file prime lookup); IGT prime_self_import basic-with_one_bo");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "same handle";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d); DrmFile g = ctx.openSecond(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    int h1 = g.primeFdToHandle(buf);
                    int h2 = g.primeFdToHandle(buf);
                    require(h1 == h2, "handles " + h1 + " and " + h2, "two imports gave two handles");
                    return "same handle " + h1;
                }
            }
        }
    }

    /** Rule 9: an import from the same device is the same object and attaches nothing. */
    static final class R9 extends AbstractRule {
        R9() {
            super("9", "same-device import adds no attachment",
                    "drm_prime.c: drm_gem_prime_import_dev (obj->dev == dev: same object); i915_gem_dmabuf.c: i915_gem_prime_import");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "no attachment";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d); DrmFile g = ctx.openSecond(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    ctx.bufinfo();
                    g.primeFdToHandle(buf);
                    BufinfoBuffer e = ctx.entry(buf);
                    require(e.attachments().isEmpty(), "attachments " + e.attachments(), "a same-device import attached");
                    return "no attachment";
                }
            }
        }
    }

    /**
     * Rule 11: a foreign import is a new object with one attachment of this device. Checked once
     * per kind of foreign exporter: another DRM device ({@code 11}), udmabuf ({@code 11-udmabuf}),
     * the system dma-heap ({@code 11-heap}).
     */
    static final class R11 extends AbstractRule {
        private final ProbeContext.ForeignSource source;

        R11() {
            this("11", "foreign import (another DRM device) adds one attachment", ProbeContext.ForeignSource.DRM);
        }

        R11(String id, String title, ProbeContext.ForeignSource source) {
            super(id, title,
                    "drm_prime.c: drm_gem_prime_import_dev (dma_buf_attach); virtgpu_prime.c: virtgpu_gem_prime_import_sg_table");
            this.source = source;
        }

        static R11 udmabuf() {
            return new R11("11-udmabuf", "foreign import (udmabuf) adds one attachment", ProbeContext.ForeignSource.UDMABUF);
        }

        static R11 heap() {
            return new R11("11-heap", "foreign import (system dma-heap) adds one attachment", ProbeContext.ForeignSource.HEAP);
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            String refused = foreignImport(driver, k);
            return refused != null ? refused : "new handle, one attachment named after the device";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile g = ctx.openSecond(d); ForeignBuffer fb = ctx.foreign(d, source)) {
                ctx.bufinfo();
                int before = ctx.entry(fb.buffer()).attachments().size();
                int h;
                try {
                    h = importForeign(ctx, d, g, fb);
                } catch (ForeignRefused r) {
                    return r.cause.errnoName() + " for a " + fb.what();
                }
                require(foreignImport(d.driver(), ctx.kernel()) == null || ctx.kernel().atLeast(6, 13),
                        "imported", d.driver() + " imported a foreign buffer on " + ctx.kernel());
                BufinfoBuffer e = ctx.entry(fb.buffer());
                int mine = Collections.frequency(e.attachments(), d.id());
                require(e.attachments().size() == before + 1 && mine == 1, "attachments " + e.attachments(),
                        "expected one attachment named " + d.id());
                return "handle " + h + ", one attachment " + d.id() + " on a " + fb.what();
            }
        }
    }

    /** Rule 11a: imports through two files are two objects with two attachments. */
    static final class R11a extends AbstractRule {
        R11a() {
            super("11a", "foreign import through two fds adds two attachments",
                    "drm_prime.c: drm_gem_prime_fd_to_handle (lookup is per file), drm_gem_prime_import_dev (attach each time)");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            String refused = foreignImport(driver, k);
            return refused != null ? refused : "two attachments";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile g = ctx.openSecond(d); DrmFile g2 = ctx.openSecond(d); ForeignBuffer fb = ctx.foreign(d)) {
                ctx.bufinfo();
                try {
                    importForeign(ctx, d, g, fb);
                    importForeign(ctx, d, g2, fb);
                } catch (ForeignRefused r) {
                    return r.cause.errnoName() + " for a " + fb.what();
                }
                BufinfoBuffer e = ctx.entry(fb.buffer());
                int mine = Collections.frequency(e.attachments(), d.id());
                require(mine == 2, "attachments " + e.attachments(), "expected two attachments named " + d.id());
                return "two attachments " + d.id();
            }
        }
    }

    /** Rule 12: what is not a dma-buf, or not open, cannot be imported. */
    static final class R12 extends AbstractRule {
        R12() {
            super("12", "import of a non-dma-buf is EINVAL, of a closed fd EBADF",
                    "dma-buf.c: dma_buf_get (fget -> EBADF; is_dma_buf_file -> EINVAL)");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "EINVAL, EBADF";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile g = ctx.openSecond(d)) {
                String a;
                try (MemFd m = ctx.drm().memfd("gemscope-probe-not-a-dmabuf", 4096, 0)) {
                    a = ctx.expectErrno(d, "probe: memfd " + m.fd(), null, () -> g.primeFdToHandle(m.fd()), Errno.EINVAL);
                }
                // A number we just closed: if the JVM reopened it in between, another number is tried.
                for (int attempt = 0; attempt < 3; attempt++) {
                    int closed;
                    try (MemFd m = ctx.drm().memfd("gemscope-probe-closed", 4096, 0)) {
                        closed = m.fd();
                    }
                    try {
                        g.primeFdToHandle(closed);
                    } catch (DrmException e) {
                        if (e.is(Errno.EBADF)) {
                            ctx.record(d, "probe: closed fd " + closed, null, e);
                            return a + ", EBADF";
                        }
                        if (ctx.fdLink(closed) != null) {
                            continue; // reused by the JVM meanwhile
                        }
                        throw new RuleMismatch(e.errnoName(), "a closed fd gave " + e.getMessage());
                    }
                    if (ctx.fdLink(closed) == null) {
                        throw new RuleMismatch("succeeded", "importing closed fd " + closed + " succeeded");
                    }
                }
                throw new RuleNotApplicable("the JVM reused the closed descriptor number three times");
            }
        }
    }
}
