package dev.gemscope.backend.probe;

import static dev.gemscope.backend.probe.ProbeContext.require;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNode;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.I915File;
import dev.gemscope.backend.drm.I915Uapi;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.parse.KernelVersion;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * §7 rules 18–21: CPU access to a foreign buffer imported into i915. Real code against the i915
 * uapi (kernel-interfaces.md §5.4); not live-verified here (no i915 in the bench), so on every
 * other driver these rules say NOT APPLICABLE, never pass.
 */
final class I915Rules {

    private I915Rules() {
    }

    static Optional<String> onlyI915(String driver) {
        return "i915".equals(driver) ? Optional.empty() : Optional.of(driver + " is not i915: i915-only rule");
    }

    /** An i915 file with a foreign buffer imported into it, and the pattern written into that buffer. */
    record Imported(DrmFile file, I915File i915, ForeignBuffer foreign, int handle, long size, byte[] pattern)
            implements AutoCloseable {

        static Imported open(ProbeContext ctx, ProbeDevice d) throws DrmException {
            DrmNode n = d.render() != null ? d.render() : d.card();
            DrmFile f = ctx.open(n);
            ForeignBuffer fb = null;
            try {
                I915File i = f.i915().orElseThrow(() -> new RuleNotApplicable(n.path() + " is not i915"));
                fb = ctx.foreign(d);
                long size = fb.buffer().size();
                byte[] pattern = ("gemscope probe " + fb.what()).getBytes(StandardCharsets.US_ASCII);
                boolean written = false;
                try (Mapping m = fb.buffer().mmap(0, size, LinuxUapi.PROT_READ | LinuxUapi.PROT_WRITE)) {
                    m.write(0, pattern);
                    written = true;
                } catch (DrmException e) {
                    // The exporter does not offer mmap: contents are then not compared.
                }
                int h = f.primeFdToHandle(fb.buffer());
                return new Imported(f, i, fb, h, size, written ? pattern : null);
            } catch (DrmException | RuntimeException e) {
                if (fb != null) {
                    fb.close();
                }
                f.close();
                throw e;
            }
        }

        String ref() {
            return "probe: " + foreign.what() + " imported into i915 as handle " + handle;
        }

        @Override
        public void close() {
            file.close();
            foreign.close();
        }
    }

    /** Rule 18: pread/pwrite on a foreign import. */
    static final class R18 extends AbstractRule {
        R18() {
            super("18", "I915_GEM_PREAD/PWRITE of a foreign import",
                    "i915_gem.c: i915_gem_pread_ioctl/pwrite_ioctl (3.5-4.8: !obj->base.filp -> EINVAL; 5.16+: EOPNOTSUPP on graphics 12+ except TGL)");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return onlyI915(driver).or(() -> k.atLeast(3, 5) ? Optional.empty() : Optional.of("no PRIME before 3.5"));
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            if (!k.atLeast(4, 9)) {
                return "EINVAL";
            }
            if (!k.atLeast(4, 10)) {
                return "EINVAL or copied (the filp check went during 4.9)";
            }
            return k.atLeast(5, 16) ? "copied (EOPNOTSUPP on graphics 12+ except TGL)" : "copied";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            KernelVersion k = ctx.kernel();
            try (Imported im = Imported.open(ctx, d)) {
                byte[] got = new byte[64];
                String read = access(ctx, d, im, k, () -> im.i915().pread(im.handle(), 0, got, 0, got.length));
                if (read.equals("copied") && im.pattern() != null) {
                    require(Arrays.equals(Arrays.copyOf(got, im.pattern().length), im.pattern()), "other bytes",
                            "pread did not return what the exporter's mapping holds");
                }
                String write = access(ctx, d, im, k, () -> im.i915().pwrite(im.handle(), 0, got, 0, got.length));
                return "pread " + read + ", pwrite " + write;
            }
        }

        private static String access(ProbeContext ctx, ProbeDevice d, Imported im, KernelVersion k,
                ProbeContext.Call call) {
            if (!k.atLeast(4, 10)) {
                if (k.atLeast(4, 9)) {
                    try {
                        call.run();
                        return "copied";
                    } catch (DrmException e) {
                        if (!e.is(Errno.EINVAL)) {
                            throw new RuleMismatch(e.errnoName(), e.getMessage());
                        }
                        ctx.record(d, im.ref(), "imported", e);
                        return "EINVAL";
                    }
                }
                return ctx.expectErrno(d, im.ref(), "imported", call, Errno.EINVAL);
            }
            try {
                call.run();
                return "copied";
            } catch (DrmException e) {
                if (k.atLeast(5, 16) && e.is(Errno.EOPNOTSUPP)) {
                    ctx.record(d, im.ref(), "imported", e);
                    return "EOPNOTSUPP";
                }
                throw new RuleMismatch(e.errnoName(), "expected the copy to work: " + e.getMessage());
            }
        }
    }

    /** Rule 19: legacy CPU mmap of a foreign import. */
    static final class R19 extends AbstractRule {
        R19() {
            super("19", "I915_GEM_MMAP of a foreign import is refused",
                    "i915_gem_mman.c: i915_gem_mmap_ioctl (!obj->base.filp: EINVAL until 4.9, ENXIO from 4.10; 5.14+ EOPNOTSUPP on dGPU/>12.0)");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return onlyI915(driver).or(() -> k.atLeast(3, 5) ? Optional.empty() : Optional.of("no PRIME before 3.5"));
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            if (!k.atLeast(4, 10)) {
                return "EINVAL";
            }
            return k.atLeast(5, 14) ? "ENXIO (EOPNOTSUPP on discrete or graphics > 12.0)" : "ENXIO";
        }

        static Errno[] accepted(KernelVersion k) {
            if (!k.atLeast(4, 10)) {
                return new Errno[] {Errno.EINVAL};
            }
            return k.atLeast(5, 14) ? new Errno[] {Errno.ENXIO, Errno.EOPNOTSUPP} : new Errno[] {Errno.ENXIO};
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (Imported im = Imported.open(ctx, d)) {
                return ctx.expectErrno(d, im.ref(), "imported",
                        () -> im.i915().gemMmap(im.handle(), 0, im.size(), 0).close(), accepted(ctx.kernel()));
            }
        }
    }

    /** Rule 20: GTT mapping of a foreign import works and is coherent. */
    static final class R20 extends AbstractRule {
        R20() {
            super("20", "MMAP_GTT of a foreign import maps the exporter's data",
                    "i915_gem_mman.c: i915_gem_mmap_gtt, vm_fault_gtt; IGT prime_vgem basic-gtt, coherency-gtt");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return onlyI915(driver).or(() -> k.atLeast(3, 5) ? Optional.empty() : Optional.of("no PRIME before 3.5"));
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "mapped, same bytes (ENODEV without a mappable aperture)";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (Imported im = Imported.open(ctx, d)) {
                long offset;
                try {
                    offset = im.i915().mmapGtt(im.handle());
                } catch (DrmException e) {
                    if (e.is(Errno.ENODEV)) {
                        ctx.record(d, im.ref(), "imported", e);
                        throw new RuleNotApplicable("this GPU has no mappable aperture (MMAP_GTT: ENODEV)");
                    }
                    throw e;
                }
                try (Mapping m = im.file().mmap(offset, im.size(), LinuxUapi.PROT_READ)) {
                    if (im.pattern() == null) {
                        return "mapped (exporter offers no mmap: contents not compared)";
                    }
                    byte[] got = m.read(0, im.pattern().length);
                    require(Arrays.equals(got, im.pattern()), "other bytes", "the GTT mapping differs from the exporter's");
                    return "mapped, same bytes";
                }
            }
        }
    }

    /** Rule 21: CPU-cached MMAP_OFFSET types need struct pages, which an import lacks. */
    static final class R21 extends AbstractRule {
        R21() {
            super("21", "MMAP_OFFSET WB/WC/UC of a foreign import is ENODEV",
                    "i915_gem_mman.c: __assign_mmap_offset (no struct page and not iomem -> ENODEV for non-GTT types)");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return onlyI915(driver).or(() -> k.atLeast(5, 5) ? Optional.empty()
                    : Optional.of("I915_GEM_MMAP_OFFSET appeared in 5.5"));
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "ENODEV";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (Imported im = Imported.open(ctx, d)) {
                int version = im.i915().getParam(I915Uapi.I915_PARAM_MMAP_GTT_VERSION);
                if (version < 4) {
                    throw new RuleNotApplicable("MMAP_GTT_VERSION " + version + " < 4: no MMAP_OFFSET");
                }
                StringBuilder seen = new StringBuilder();
                for (long type : new long[] {I915Uapi.I915_MMAP_OFFSET_WB, I915Uapi.I915_MMAP_OFFSET_WC,
                        I915Uapi.I915_MMAP_OFFSET_UC}) {
                    String e = ctx.expectErrno(d, im.ref() + " type " + type, "imported",
                            () -> im.i915().mmapOffset(im.handle(), type), Errno.ENODEV);
                    seen.append(seen.length() == 0 ? "" : ", ").append(e);
                }
                return seen + " for WB, WC, UC";
            }
        }
    }
}
