package dev.gemscope.backend.probe;

import static dev.gemscope.backend.probe.ProbeContext.require;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DmaBufUapi;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNode;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.parse.KernelVersion;
import java.util.Optional;

/** §7 rule 33: naming a dma-buf that a device is attached to. */
final class NamingRules {

    private NamingRules() {
    }

    /** Rule 33: DMA_BUF_SET_NAME while attached. */
    static final class R33 extends AbstractRule {
        static final String NAME = "gemscope-probe";

        R33() {
            super("33", "DMA_BUF_SET_NAME while attached (EBUSY until 5.10, allowed from 6.1)",
                    "dma-buf.c: dma_buf_set_name (5.3-5.10: -EBUSY if attachments; 6.1+: no check), dmabuffs_dname");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return k.atLeast(5, 3) ? Optional.empty() : Optional.of("DMA_BUF_SET_NAME appeared in 5.3");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            if (k.atLeast(6, 1)) {
                return "named; shown in bufinfo and /proc/self/fd; 32-byte name EINVAL";
            }
            return k.atLeast(5, 11) ? "EBUSY or named (the change is not pinned between 5.11 and 6.0)" : "EBUSY";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            ctx.bufinfo();
            // The device under test imports a foreign buffer; if it refuses (virtio_gpu), another
            // device imports the device's own export instead. Either way the buffer is attached.
            try (DrmFile g = ctx.openSecond(d); ForeignBuffer fb = ctx.foreign(d)) {
                try {
                    ImportRules.importForeign(ctx, d, g, fb);
                    return nameAttached(ctx, d, fb.buffer(), "a " + fb.what() + " imported by " + d.driver());
                } catch (ImportRules.ForeignRefused r) {
                    // fall through to the other direction
                }
            }
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    for (ProbeDevice o : ctx.devices()) {
                        DrmNode n = o.render() != null ? o.render() : o.card();
                        if (o.id().equals(d.id()) || n == null || o.openProblem() != null) {
                            continue;
                        }
                        try (DrmFile other = ctx.open(n)) {
                            try {
                                other.primeFdToHandle(buf);
                            } catch (DrmException e) {
                                continue;
                            }
                            return nameAttached(ctx, d, buf, d.driver() + "'s buffer imported by " + o.driver());
                        }
                    }
                }
            }
            throw new RuleNotApplicable("no device pair here creates an attachment with " + d.label());
        }

        private static String nameAttached(ProbeContext ctx, ProbeDevice d, DmaBufFile buf, String what)
                throws DrmException {
            require(!ctx.entry(buf).attachments().isEmpty(), "no attachment", "the import did not attach");
            KernelVersion k = ctx.kernel();
            String ref = "probe: dma-buf of " + what;
            if (!k.atLeast(5, 11)) {
                return ctx.expectErrno(d, ref, null, () -> buf.setName(NAME), Errno.EBUSY) + " on " + what;
            }
            try {
                buf.setName(NAME);
            } catch (DrmException e) {
                if (!k.atLeast(6, 1) && e.is(Errno.EBUSY)) {
                    ctx.record(d, ref, null, e);
                    return "EBUSY on " + what;
                }
                throw new RuleMismatch(e.errnoName(), "SET_NAME on an attached buffer: " + e.getMessage());
            }
            String link = ctx.fdLink(buf.fd());
            require(("/dmabuf:" + NAME).equals(link), "fd link " + link, "the name is not in /proc/self/fd");
            Optional<String> inBufinfo = ctx.entry(buf).name();
            require(inBufinfo.equals(Optional.of(NAME)), "bufinfo name " + inBufinfo, "the name is not in bufinfo");
            ctx.expectErrno(d, ref + " (32-byte name)", null,
                    () -> buf.setName("n".repeat(DmaBufUapi.DMA_BUF_NAME_LEN)), Errno.EINVAL);
            return "named on " + what + "; in bufinfo and fd link; 32-byte name EINVAL";
        }
    }
}
