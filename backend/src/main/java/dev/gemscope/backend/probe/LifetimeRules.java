package dev.gemscope.backend.probe;

import static dev.gemscope.backend.probe.ProbeContext.require;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.parse.KernelVersion;
import dev.gemscope.backend.parse.dmabuf.BufinfoBuffer;
import java.util.Collections;

/** §7 rules 13–16: what keeps a shared buffer alive, and what its last release undoes. */
final class LifetimeRules {

    private LifetimeRules() {
    }

    /** Rule 13: the dma-buf outlives the exporter's handle. */
    static final class R13 extends AbstractRule {
        R13() {
            super("13", "dma-buf stays alive after GEM_CLOSE of the exported handle",
                    "drm_prime.c: the dma-buf holds an object reference (drm_gem_prime_export); IGT basic-with_fd_dup");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "size unchanged, import still works";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d); DrmFile g = ctx.openSecond(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    f.gemClose(m.handle());
                    long size = buf.size();
                    require(size == m.size(), "size " + size, "size changed after GEM_CLOSE");
                    int h = g.primeFdToHandle(buf);
                    require(h > 0, "handle " + h, "no handle");
                    return "size " + size + ", imported as handle " + h + " after GEM_CLOSE";
                }
            }
        }
    }

    /** Rule 14: an imported handle outlives the dma-buf fd it came from. */
    static final class R14 extends AbstractRule {
        R14() {
            super("14", "imported handle stays valid after closing the dma-buf fd",
                    "drm_prime.c: the import holds its own dma-buf reference; IGT basic-with_one_bo");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "handle still exportable, same size";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d); DrmFile g = ctx.openSecond(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                int h;
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    h = g.primeFdToHandle(buf);
                }
                try (DmaBufFile again = g.primeHandleToFd(h, ctx.exportFlags())) {
                    require(again.size() == m.size(), "size " + again.size(), "size changed");
                    return "handle " + h + " re-exported, size " + again.size();
                }
            }
        }
    }

    /** Rule 15: an imported handle outlives the exporting DRM file. */
    static final class R15 extends AbstractRule {
        R15() {
            super("15", "imported handle stays valid after the exporting DRM fd closes",
                    "drm_gem.c: drm_gem_release drops only the closing file's handles; IGT basic-with_one_bo");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "handle still exportable, same size";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile g = ctx.openSecond(d)) {
                int h;
                long size;
                try (DrmFile f = ctx.openPrimary(d)) {
                    ProbeContext.Made m = ctx.create(f, d);
                    size = m.size();
                    try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                        h = g.primeFdToHandle(buf);
                    }
                }
                try (DmaBufFile again = g.primeHandleToFd(h, ctx.exportFlags())) {
                    require(again.size() == size, "size " + again.size(), "size changed");
                    return "handle " + h + " valid after the exporter closed";
                }
            }
        }
    }

    /** Rule 16: freeing the last import detaches from the dma-buf. */
    static final class R16 extends AbstractRule {
        R16() {
            super("16", "attachment appears on import and disappears on GEM_CLOSE",
                    "drm_prime.c: drm_prime_gem_destroy (dma_buf_detach, dma_buf_put); drm_gem_shmem_helper.c: drm_gem_shmem_free");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            String refused = ImportRules.foreignImport(driver, k);
            return refused != null ? refused : "attachment +1 on import, -1 after GEM_CLOSE";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile g = ctx.openSecond(d); ForeignBuffer fb = ctx.foreign(d)) {
                ctx.bufinfo();
                BufinfoBuffer before = ctx.entry(fb.buffer());
                int h;
                try {
                    h = ImportRules.importForeign(ctx, d, g, fb);
                } catch (ImportRules.ForeignRefused r) {
                    return r.cause.errnoName() + " for a " + fb.what() + " (nothing to detach)";
                }
                BufinfoBuffer during = ctx.entry(fb.buffer());
                int mine = Collections.frequency(during.attachments(), d.id());
                require(mine == 1, "attachments " + during.attachments(), "no attachment after import");
                g.gemClose(h);
                BufinfoBuffer after = ctx.entry(fb.buffer());
                require(after.attachments().equals(before.attachments()), "attachments " + after.attachments()
                        + " after GEM_CLOSE", "the attachment stayed");
                require(after.count() < during.count(), "count " + during.count() + " -> " + after.count(),
                        "the import's dma-buf references were not dropped");
                return "attachment " + d.id() + " added, removed by GEM_CLOSE; count " + during.count() + " -> "
                        + after.count();
            }
        }
    }
}
