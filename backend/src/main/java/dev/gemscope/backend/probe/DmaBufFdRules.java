package dev.gemscope.backend.probe;

import static dev.gemscope.backend.probe.ProbeContext.require;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DmaBufUapi;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmUapi;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.parse.KernelVersion;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** §7 rules 22–27: the dma-buf fd itself (mmap, SYNC, lseek). */
final class DmaBufFdRules {

    private static final int RW = LinuxUapi.PROT_READ | LinuxUapi.PROT_WRITE;

    private DmaBufFdRules() {
    }

    /** Rule 22: the dma-buf mapping and the DRM mapping show the same bytes. */
    static final class R22 extends AbstractRule {
        R22() {
            super("22", "mmap of the dma-buf shows the object's contents",
                    "dma-buf.c: dma_buf_mmap_internal; drm_prime.c: drm_gem_dmabuf_mmap; IGT prime_mmap test_correct");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return k.atLeast(4, 6) ? Optional.empty() : Optional.of("writable dma-buf mappings need DRM_RDWR (4.6+)");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "same bytes both ways";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            if (d.card() == null) {
                throw new RuleNotApplicable("no card node: MODE_MAP_DUMB needs the primary node");
            }
            try (DrmFile f = ctx.open(d.card())) {
                ProbeContext.Made m = ctx.create(f, d);
                byte[] one = "through the DRM fd".getBytes(StandardCharsets.US_ASCII);
                byte[] two = "through the dma-buf".getBytes(StandardCharsets.US_ASCII);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags());
                        Mapping drmMap = f.mmap(f.mapDumb(m.handle()), m.size(), RW);
                        Mapping bufMap = buf.mmap(0, m.size(), RW)) {
                    drmMap.write(0, one);
                    buf.sync(DmaBufUapi.DMA_BUF_SYNC_START | DmaBufUapi.DMA_BUF_SYNC_RW);
                    byte[] got = bufMap.read(0, one.length);
                    bufMap.write(4096, two);
                    buf.sync(DmaBufUapi.DMA_BUF_SYNC_END | DmaBufUapi.DMA_BUF_SYNC_RW);
                    require(Arrays.equals(one, got), "other bytes via the dma-buf", "DRM write not seen in the dma-buf map");
                    require(Arrays.equals(two, drmMap.read(4096, two.length)), "other bytes via the DRM fd",
                            "dma-buf write not seen in the DRM map");
                }
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags());
                        Mapping again = buf.mmap(0, m.size(), LinuxUapi.PROT_READ)) {
                    require(Arrays.equals(one, again.read(0, one.length)), "other bytes after remap", "remap differs");
                }
                return "same bytes both ways, remap works";
            }
        }
    }

    /** Rule 23: mappings beyond the buffer are refused. */
    static final class R23 extends AbstractRule {
        R23() {
            super("23", "dma-buf mmap beyond the buffer is EINVAL",
                    "dma-buf.c: dma_buf_mmap_internal (vm_pgoff + pages > size -> EINVAL); IGT prime_mmap test_errors");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "EINVAL";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            // The closed-fd case of this rule (EBADF) is rule 12's: the native layer never hands
            // out the number of a descriptor it closed.
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    String ref = m.ref() + " dma-buf";
                    ctx.expectErrno(d, ref + " length size+4096", null,
                            () -> buf.mmap(0, m.size() + 4096, LinuxUapi.PROT_READ).close(), Errno.EINVAL);
                    return ctx.expectErrno(d, ref + " offset 4096 length size", null,
                            () -> buf.mmap(4096, m.size(), LinuxUapi.PROT_READ).close(), Errno.EINVAL)
                            + " for length > size and offset + length > size";
                }
            }
        }
    }

    /** Rule 24: without DRM_RDWR the dma-buf file is read-only. */
    static final class R24 extends AbstractRule {
        R24() {
            super("24", "writable mmap of a read-only export is EACCES",
                    "mm/mmap.c: do_mmap (MAP_SHARED+PROT_WRITE needs FMODE_WRITE); drm_prime.c: DRM_RDWR; IGT prime_mmap");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return k.atLeast(4, 6) ? Optional.empty() : Optional.of("DRM_RDWR appeared in 4.6");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "EACCES";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), DrmUapi.DRM_CLOEXEC)) {
                    return ctx.expectErrno(d, m.ref() + " dma-buf (O_RDONLY)", null,
                            () -> buf.mmap(0, m.size(), RW).close(), Errno.EACCES);
                }
            }
        }
    }

    /** Rule 26: SYNC needs a direction and only defined bits. */
    static final class R26 extends AbstractRule {
        R26() {
            super("26", "DMA_BUF_IOCTL_SYNC with bad flags is EINVAL",
                    "dma-buf.c: dma_buf_ioctl (DMA_BUF_SYNC_VALID_FLAGS_MASK, direction required); IGT prime_mmap test_invalid_sync_flags");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return k.atLeast(4, 6) ? Optional.empty() : Optional.of("DMA_BUF_IOCTL_SYNC appeared in 4.6");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "EINVAL";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    long[] bad = {-1L, 0, DmaBufUapi.DMA_BUF_SYNC_RW + 1, DmaBufUapi.DMA_BUF_SYNC_VALID_FLAGS_MASK + 1};
                    for (long flags : bad) {
                        ctx.expectErrno(d, m.ref() + " dma-buf SYNC 0x" + Long.toHexString(flags), null,
                                () -> buf.sync(flags), Errno.EINVAL);
                    }
                    buf.sync(DmaBufUapi.DMA_BUF_SYNC_START | DmaBufUapi.DMA_BUF_SYNC_READ);
                    buf.sync(DmaBufUapi.DMA_BUF_SYNC_END | DmaBufUapi.DMA_BUF_SYNC_READ);
                    return "EINVAL for -1, 0, RW+1, MASK+1; START/END|READ accepted";
                }
            }
        }
    }

    /** Rule 27: lseek gives the size and nothing else. */
    static final class R27 extends AbstractRule {
        R27() {
            super("27", "lseek(SEEK_END) is the size; other seeks are EINVAL",
                    "dma-buf.c: dma_buf_llseek; IGT prime_self_import basic-llseek-size, basic-llseek-bad");
        }

        @Override
        public Optional<String> notApplicable(String driver, KernelVersion k) {
            return k.atLeast(4, 0) ? Optional.empty() : Optional.of("dma_buf_llseek is not pinned before 4.0");
        }

        @Override
        public String expected(String driver, KernelVersion k) {
            return "size, then EINVAL";
        }

        @Override
        public String check(ProbeContext ctx, ProbeDevice d) throws DrmException {
            try (DrmFile f = ctx.openPrimary(d)) {
                ProbeContext.Made m = ctx.create(f, d);
                try (DmaBufFile buf = f.primeHandleToFd(m.handle(), ctx.exportFlags())) {
                    long end = buf.seek(0, LinuxUapi.SEEK_END);
                    require(end == m.size(), "SEEK_END " + end, "lseek(0, SEEK_END) is not the size " + m.size());
                    require(buf.seek(0, LinuxUapi.SEEK_SET) == 0, "SEEK_SET not 0", "lseek(0, SEEK_SET)");
                    long s = m.size();
                    long[][] bad = {{-1, LinuxUapi.SEEK_END}, {1, LinuxUapi.SEEK_SET}, {s, LinuxUapi.SEEK_SET},
                        {s - 1, LinuxUapi.SEEK_SET}, {s + 1, LinuxUapi.SEEK_SET}};
                    for (long[] b : bad) {
                        ctx.expectErrno(d, m.ref() + " dma-buf lseek(" + b[0] + ", " + b[1] + ")", null,
                                () -> buf.seek(b[0], (int) b[1]), Errno.EINVAL);
                    }
                    return "size " + end + ", EINVAL for -1/END, 1, size-1, size, size+1/SET";
                }
            }
        }
    }
}
