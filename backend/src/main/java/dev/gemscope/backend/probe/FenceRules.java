package dev.gemscope.backend.probe;

import static dev.gemscope.backend.probe.ProbeContext.require;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.VgemFile;
import dev.gemscope.backend.drm.VgemUapi;
import dev.gemscope.backend.parse.KernelVersion;
import dev.gemscope.backend.parse.dmabuf.BufinfoFence;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * §7 rules 28–29: implicit fences through vgem's fence ioctls. A vgem fence signals itself after
 * 10 s (vgem_fence.c: VGEM_FENCE_TIMEOUT); on a slow machine the check measures and, past that
 * point, expects what the kernel then does.
 */
final class FenceRules {

    private static final int BOTH = LinuxUapi.POLLIN | LinuxUapi.POLLOUT;
    private static final long SELF_SIGNAL_NANOS = TimeUnit.MILLISECONDS.toNanos(9_500);

    private FenceRules() {
    }

    static Optional<String> onlyVgem(String driver, KernelVersion k) {
        if (!"vgem".equals(driver)) {
            return Optional.of("vgem fence ioctls: vgem devices only");
        }
        return k.atLeast(4, 8) ? Optional.empty() : Optional.of("vgem fences appeared in ≈4.8");
    }

    /** Signals {@code fence}; ETIMEDOUT is accepted only when 10 s have passed since {@code t0}. */
    static void signal(ProbeContext ctx, ProbeDevice d, VgemFile vgem, int fence, long t0, String ref) throws DrmException {
        try {
            vgem.fenceSignal(fence);
        } catch (DrmException e) {
            if (e.is(Errno.ETIMEDOUT) && System.nanoTime() - t0 >= SELF_SIGNAL_NANOS) {
                ctx.record(d, ref, null, e);
                return;
            }
            throw e;
        }
    }

    /** Rule 28: a write fence makes the dma-buf busy until it is signalled. */
    static final class R28 extends AbstractRule {
        R28() {
            super("28", "vgem write fence: dma-buf busy, then ready after SIGNAL",
                    "vgem_fence.c: vgem_fence_attach_ioctl/signal_ioctl; dma-buf.c: dma_buf_poll; IGT prime_vgem basic-fence-*");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return onlyVgem(driver, k);
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "poll 0 while fenced, ready after SIGNAL, then ENOENT";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d)) {
                VgemFile vgem = f.vgem().orElseThrow(() -> new RuleNotApplicable(f.path() + " is not vgem"));
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    require(buf.poll(BOTH, 0) == BOTH, "busy before any fence", "a new buffer is not idle");
                    long t0 = System.nanoTime();
                    int fence = vgem.fenceAttach(m.handle(), VgemUapi.VGEM_FENCE_WRITE);
                    int busy = buf.poll(BOTH, 0);
                    boolean late = System.nanoTime() - t0 >= SELF_SIGNAL_NANOS;
                    require(late || busy == 0, "poll " + busy + " while fenced", "an unsignalled write fence must block");
                    String ref = m.ref() + " fence " + fence;
                    signal(ctx, d, vgem, fence, t0, ref);
                    int ready = buf.poll(BOTH, 0);
                    require(ready == BOTH, "poll " + ready + " after SIGNAL", "not ready after SIGNAL");
                    ctx.expectErrno(d, ref + " (signalled)", null, () -> vgem.fenceSignal(fence), Errno.ENOENT);
                    return "poll " + busy + " while fenced, " + ready + " after SIGNAL, then ENOENT";
                }
            }
        }
    }

    /** Rule 29: bufinfo shows the fence with vgem's driver and timeline names. */
    static final class R29 extends AbstractRule {
        R29() {
            super("29", "bufinfo lists the vgem fence",
                    "dma-resv.c: dma_resv_describe; dma-fence.c: dma_fence_describe; vgem_fence.c (driver vgem, timeline unbound)");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return onlyVgem(driver, k).or(() -> k.atLeast(4, 12) ? Optional.empty()
                    : Optional.of("bufinfo lists fences from 4.12"));
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            String usage = k.atLeast(5, 19) ? "write" : "exclusive";
            String ctxPart = k.atLeast(7, 0) ? ", with context" : k.atLeast(6, 19) ? "" : ", no context";
            return usage + " fence vgem unbound unsignalled" + ctxPart;
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            KernelVersion k = ctx.kernel();
            try (DrmFile f = ctx.openPrimary(d)) {
                VgemFile vgem = f.vgem().orElseThrow(() -> new RuleNotApplicable(f.path() + " is not vgem"));
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    ctx.bufinfo();
                    long t0 = System.nanoTime();
                    int fence = vgem.fenceAttach(m.handle(), VgemUapi.VGEM_FENCE_WRITE);
                    List<BufinfoFence> fences = ctx.entry(buf).fences();
                    boolean late = System.nanoTime() - t0 >= SELF_SIGNAL_NANOS;
                    signal(ctx, d, vgem, fence, t0, m.ref() + " fence " + fence);
                    if (late) {
                        throw new RuleNotApplicable("10 s passed before bufinfo was read: the fence may have signalled itself");
                    }
                    require(fences.size() == 1, fences.size() + " fences", "expected one fence line");
                    BufinfoFence fl = fences.get(0);
                    String usage = k.atLeast(5, 19) ? "write" : "exclusive";
                    String seen = fl.usage() + " fence " + fl.driver() + " " + fl.timeline()
                            + (fl.signalled() ? " signalled" : " unsignalled")
                            + (fl.context().isPresent() ? ", with context" : ", no context");
                    require(usage.equals(fl.usage()) && "vgem".equals(fl.driver()) && "unbound".equals(fl.timeline())
                            && !fl.signalled(), seen, "fence line differs");
                    if (k.atLeast(7, 0) || !k.atLeast(6, 19)) {
                        require(fl.context().isPresent() == k.atLeast(7, 0), seen, "context printed on " + k);
                    }
                    return seen;
                }
            }
        }
    }
}
