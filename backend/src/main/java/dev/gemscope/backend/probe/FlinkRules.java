package dev.gemscope.backend.probe;

import static dev.gemscope.backend.probe.ProbeContext.require;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.GemObjectRef;
import dev.gemscope.backend.parse.KernelVersion;

/** §7 rules 30–32: flink names, the render-node restriction, GEM_CLOSE of unknown handles. */
final class FlinkRules {

    private FlinkRules() {
    }

    /** Rule 30: flink names are stable and live as long as a handle does. */
    static final class R30 extends AbstractRule {
        R30() {
            super("30", "flink twice gives one name; bad handle/name ENOENT; name lives while a handle does",
                    "drm_gem.c: drm_gem_flink_ioctl, drm_gem_open_ioctl, drm_gem_object_release_handle; IGT gem_flink_basic");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "same name, ENOENT, ENOENT, name valid until the last handle";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            if (d.card() == null) {
                throw new RuleNotApplicable("no card node: GEM_FLINK is DRM_AUTH, refused on render nodes");
            }
            try (DrmFile f = ctx.open(d.card())) {
                ProbeContext.Made m = ctx.create(f, d);
                int name;
                try {
                    name = f.flink(m.handle());
                } catch (DrmException e) {
                    if (e.is(Errno.EACCES)) {
                        ctx.record(d, m.ref(), null, e);
                        throw new RuleNotApplicable("not authenticated on " + d.card().path()
                                + " (another process is DRM master): GEM_FLINK EACCES");
                    }
                    throw e;
                }
                require(f.flink(m.handle()) == name, "two names", "flinking twice gave another name");
                ctx.expectErrno(d, "probe: unknown handle", null, () -> f.flink(ProbeContext.UNKNOWN_HANDLE), Errno.ENOENT);
                GemObjectRef second = f.gemOpen(name);
                require(second.size() == m.size(), "size " + second.size(), "GEM_OPEN size differs");
                f.gemClose(m.handle());
                GemObjectRef third = f.gemOpen(name);
                f.gemClose(third.handle());
                f.gemClose(second.handle());
                ctx.expectErrno(d, "probe: flink name " + name + " (all handles closed)", null,
                        () -> f.gemOpen(name), Errno.ENOENT);
                return "name " + name + " twice, ENOENT for a bad handle, valid after the first handle closed, ENOENT after the last";
            }
        }
    }

    /** Rule 31: render nodes refuse flink and open, but allow PRIME. */
    static final class R31 extends AbstractRule {
        R31() {
            super("31", "render node: GEM_FLINK/GEM_OPEN EACCES, PRIME allowed",
                    "drm_ioctl.c: drm_ioctl_permit (render clients: DRM_RENDER_ALLOW only; FLINK/OPEN are DRM_AUTH)");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "EACCES, EACCES, PRIME import works";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            if (d.render() == null) {
                throw new RuleNotApplicable("no render node");
            }
            try (DrmFile r = ctx.open(d.render())) {
                ctx.expectErrno(d, "probe: handle 1 on " + d.render().path(), null, () -> r.flink(1), Errno.EACCES);
                ctx.expectErrno(d, "probe: name 1 on " + d.render().path(), null, () -> r.gemOpen(1), Errno.EACCES);
                if (d.card() == null) {
                    return "EACCES, EACCES (no card node to export from)";
                }
                try (DrmFile f = ctx.open(d.card())) {
                    ProbeContext.Made m = ctx.create(f, d);
                    try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                        int h = r.primeFdToHandle(buf);
                        return "EACCES, EACCES, PRIME import gives handle " + h;
                    }
                }
            }
        }
    }

    /** Rule 32: GEM_CLOSE of a handle this file does not hold. */
    static final class R32 extends AbstractRule {
        R32() {
            super("32", "GEM_CLOSE of an unknown handle is EINVAL",
                    "drm_gem.c: drm_gem_handle_delete (no object -> EINVAL)");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "EINVAL";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile g = ctx.openSecond(d)) {
                return ctx.expectErrno(d, "probe: unknown handle 0x" + Integer.toHexString(ProbeContext.UNKNOWN_HANDLE),
                        null, () -> g.gemClose(ProbeContext.UNKNOWN_HANDLE), Errno.EINVAL);
            }
        }
    }
}
