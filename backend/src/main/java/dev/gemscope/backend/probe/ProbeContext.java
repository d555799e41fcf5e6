package dev.gemscope.backend.probe;

import dev.gemscope.backend.drm.DmaBufFile;
import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.DrmNode;
import dev.gemscope.backend.drm.DrmUapi;
import dev.gemscope.backend.drm.DumbBuffer;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.I915File;
import dev.gemscope.backend.explain.Explanation;
import dev.gemscope.backend.explain.Explanations;
import dev.gemscope.backend.explain.FailureContext;
import dev.gemscope.backend.model.FailedOperation;
import dev.gemscope.backend.parse.KernelVersion;
import dev.gemscope.backend.parse.dmabuf.Bufinfo;
import dev.gemscope.backend.parse.dmabuf.BufinfoBuffer;
import dev.gemscope.backend.parse.dmabuf.BufinfoParser;
import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What every rule needs: the native layer, the running kernel, the other devices (as sources of
 * foreign buffers), bufinfo, and the helpers that create the probe's own objects and turn an
 * expected refusal into a {@link FailedOperation}.
 */
public final class ProbeContext {

    /** 64×64 at 32 bpp: 16 KiB, every driver's dumb buffers accept it (virtio_gpu only takes 32 bpp). */
    static final int WIDTH = 64;
    static final int HEIGHT = 64;
    static final int BPP = 32;
    /** A handle no file of ours holds: handles are allocated densely from 1. */
    static final int UNKNOWN_HANDLE = 0x7fff_fff0;

    private final DrmNative drm;
    private final SystemRoot root;
    private final String release;
    private final KernelVersion kernel;
    private final List<ProbeDevice> devices;
    private final Explanations explanations;
    private final Clock clock;
    private final List<FailedOperation> failures = new ArrayList<>();
    private final String comm;

    public ProbeContext(DrmNative drm, SystemRoot root, String kernelRelease, List<ProbeDevice> devices,
            Explanations explanations, Clock clock) {
        this.drm = drm;
        this.root = root;
        this.release = kernelRelease;
        KernelVersion k = KernelVersion.parse(kernelRelease);
        // An unreadable release is judged by today's rules; the report shows the release string.
        this.kernel = k == null ? new KernelVersion(99, 0) : k;
        this.devices = List.copyOf(devices);
        this.explanations = explanations;
        this.clock = clock;
        ReadResult c = root.read("/proc/self/comm");
        this.comm = c.ok() ? c.text().strip() : null;
    }

    public DrmNative drm() {
        return drm;
    }

    public KernelVersion kernel() {
        return kernel;
    }

    public String kernelRelease() {
        return release;
    }

    public List<ProbeDevice> devices() {
        return devices;
    }

    /** The expected failures seen so far, explained. */
    public List<FailedOperation> failures() {
        return List.copyOf(failures);
    }

    // ---- opening the device under test ----

    /** The node objects are created on: the card (dumb buffers), or an i915 render node (GEM_CREATE). */
    DrmFile openPrimary(ProbeDevice d) throws DrmException {
        if (d.card() != null) {
            return open(d.card());
        }
        if (d.isI915() && d.render() != null) {
            return open(d.render());
        }
        throw new RuleNotApplicable("no card node: dumb buffers need the primary node");
    }

    /** A second, independent file on the same device: the render node, or another open of the card. */
    DrmFile openSecond(ProbeDevice d) throws DrmException {
        DrmNode n = d.render() != null ? d.render() : d.card();
        if (n == null) {
            throw new RuleNotApplicable("no node to open");
        }
        return open(n);
    }

    DrmFile open(DrmNode node) throws DrmException {
        try {
            return drm.devices().open(node);
        } catch (DrmException e) {
            if (e.is(Errno.EACCES) || e.is(Errno.EPERM)) {
                throw new RuleNotApplicable("cannot open " + node.path() + ": " + e.errnoName());
            }
            throw e;
        }
    }

    /** A buffer the probe made: the handle in {@code file} and its size. */
    record Made(int handle, long size, String ref) {
    }

    /**
     * A new object on {@code f}: a dumb buffer on a card node, an I915_GEM_CREATE object on an i915
     * render node. A driver without dumb buffers makes the rule not applicable.
     */
    Made create(DrmFile f, ProbeDevice d) throws DrmException {
        if (f.path().equals(d.card() == null ? null : d.card().path())) {
            try {
                DumbBuffer b = f.createDumb(WIDTH, HEIGHT, BPP);
                return new Made(b.handle(), b.size(), "probe: " + d.driver() + " dumb handle " + b.handle());
            } catch (DrmException e) {
                if (e.is(Errno.EOPNOTSUPP) || e.is(Errno.ENOSYS) || e.is(Errno.ENOTTY)) {
                    throw new RuleNotApplicable("dumb buffers not supported by " + d.driver() + " (" + e.errnoName() + ")");
                }
                throw e;
            }
        }
        Optional<I915File> i915 = f.i915();
        if (i915.isPresent()) {
            var r = i915.get().gemCreate(16384);
            return new Made(r.handle(), r.size(), "probe: i915 GEM_CREATE handle " + r.handle());
        }
        throw new RuleNotApplicable("no card node: dumb buffers need the primary node");
    }

    /** PRIME export flags: CLOEXEC|RDWR from 4.6 (DRM_RDWR did not exist before and was refused). */
    int exportFlags() {
        return kernel.atLeast(4, 6) ? DrmUapi.DRM_CLOEXEC | DrmUapi.DRM_RDWR : DrmUapi.DRM_CLOEXEC;
    }

    // ---- a buffer from elsewhere, to import into the device under test ----

    /**
     * A dma-buf that is foreign to {@code d}: a dumb buffer exported by another DRM device (vgem
     * first), else a udmabuf, else a system-heap buffer.
     */
    ForeignBuffer foreign(ProbeDevice d) throws DrmException {
        return foreign(d, ForeignSource.ANY);
    }

    /** Where a foreign buffer comes from. */
    enum ForeignSource {
        /** A dumb buffer exported by another DRM device. */
        DRM,
        /** {@code /dev/udmabuf} over a sealed memfd (4.20+). */
        UDMABUF,
        /** {@code /dev/dma_heap/system} (5.6+). */
        HEAP,
        /** The first of the above that this system has. */
        ANY
    }

    /** A dma-buf from {@code source} that is foreign to {@code d}; not applicable when there is none. */
    ForeignBuffer foreign(ProbeDevice d, ForeignSource source) throws DrmException {
        if (source == ForeignSource.DRM || source == ForeignSource.ANY) {
            List<ProbeDevice> others = devices.stream()
                    .filter(o -> !o.id().equals(d.id()) && o.card() != null && o.openProblem() == null)
                    .sorted((a, b) -> Boolean.compare(!"vgem".equals(a.driver()), !"vgem".equals(b.driver())))
                    .toList();
            for (ProbeDevice o : others) {
                DrmFile f = null;
                try {
                    f = drm.devices().open(o.card());
                    DumbBuffer b = f.createDumb(WIDTH, HEIGHT, BPP);
                    DmaBufFile buf = f.primeHandleToFd(b.handle(), exportFlags());
                    return new ForeignBuffer(buf, o.driver() + " dumb buffer", o.driver(), List.of(f));
                } catch (DrmException | RuntimeException e) {
                    if (f != null) {
                        f.close();
                    }
                }
            }
            if (source == ForeignSource.DRM) {
                throw new RuleNotApplicable("no other DRM device with a card node exports a dumb buffer");
            }
        }
        if ((source == ForeignSource.UDMABUF || source == ForeignSource.ANY) && drm.udmabuf().available()) {
            var memfd = drm.memfd("gemscope-probe", 16384, dev.gemscope.backend.drm.LinuxUapi.MFD_ALLOW_SEALING);
            try {
                memfd.addSeals(dev.gemscope.backend.drm.LinuxUapi.F_SEAL_SHRINK);
                DmaBufFile buf = drm.udmabuf().create(memfd, 0, 16384,
                        dev.gemscope.backend.drm.DmaBufUapi.UDMABUF_FLAGS_CLOEXEC);
                return new ForeignBuffer(buf, "udmabuf", "udmabuf", List.of(memfd));
            } catch (DrmException | RuntimeException e) {
                memfd.close();
                throw e;
            }
        }
        if (source == ForeignSource.UDMABUF) {
            throw new RuleNotApplicable("no /dev/udmabuf on this kernel (CONFIG_UDMABUF)");
        }
        if ((source == ForeignSource.HEAP || source == ForeignSource.ANY) && drm.dmaHeaps().list().contains("system")) {
            DmaBufFile buf = drm.dmaHeaps().alloc("system", 16384,
                    dev.gemscope.backend.drm.LinuxUapi.O_RDWR | dev.gemscope.backend.drm.LinuxUapi.O_CLOEXEC);
            return new ForeignBuffer(buf, "system heap buffer", "system", List.of());
        }
        if (source == ForeignSource.HEAP) {
            throw new RuleNotApplicable("no /dev/dma_heap/system on this kernel (CONFIG_DMABUF_HEAPS_SYSTEM)");
        }
        throw new RuleNotApplicable("no foreign dma-buf to import: no other DRM device with a card node, no "
                + "/dev/udmabuf, no system dma-heap");
    }

    // ---- bufinfo and identity ----

    /** The dma-buf inode of one of our descriptors ({@code stat} of {@code /proc/self/fd/N}). */
    long inode(DmaBufFile f) {
        OptionalLong ino = root.statInode("/proc/self/fd/" + f.fd());
        if (ino.isEmpty()) {
            throw new RuleNotApplicable("cannot stat /proc/self/fd/" + f.fd());
        }
        return ino.getAsLong();
    }

    /** The exporter name fdinfo gives for one of our dma-bufs (5.3+), or null. */
    String exporter(DmaBufFile f) {
        ReadResult r = root.read("/proc/self/fdinfo/" + f.fd());
        if (!r.ok()) {
            return null;
        }
        return dev.gemscope.backend.parse.proc.FdInfoParser.parse(r.text(), r.path()).dmaBuf()
                .map(x -> x.exporter()).filter(x -> !x.isEmpty()).orElse(null);
    }

    /** The link target of {@code /proc/self/fd/N}, or null. */
    String fdLink(int fd) {
        ReadResult r = root.readLink("/proc/self/fd/" + fd);
        return r.ok() ? r.text() : null;
    }

    /** bufinfo, parsed; not applicable when it cannot be read (needs root and debugfs). */
    Bufinfo bufinfo() {
        ReadResult r = root.read(BufinfoParser.PATH);
        if (!r.ok()) {
            throw new RuleNotApplicable(BufinfoParser.PATH + " is not readable (" + r.status()
                    + "): needs root and debugfs");
        }
        Bufinfo b = BufinfoParser.parse(r.text(), BufinfoParser.PATH);
        if (!b.era().hasInode()) {
            throw new RuleNotApplicable("bufinfo of era " + b.era().kernels() + " has no inode column");
        }
        return b;
    }

    /** Whether bufinfo can be read at all (for the cleanup row). */
    boolean bufinfoReadable() {
        return root.read(BufinfoParser.PATH).ok();
    }

    /** The number of dma-bufs in the system, or -1 when bufinfo is unreadable. */
    long bufinfoCount() {
        ReadResult r = root.read(BufinfoParser.PATH);
        if (!r.ok()) {
            return -1;
        }
        Bufinfo b = BufinfoParser.parse(r.text(), BufinfoParser.PATH);
        return b.totals().map(t -> t.objects()).orElse((long) b.buffers().size());
    }

    /** bufinfo's entry for one of our dma-bufs. */
    BufinfoBuffer entry(DmaBufFile f) {
        long ino = inode(f);
        return bufinfo().byInode(ino).orElseThrow(() -> new RuleMismatch("no bufinfo entry",
                "bufinfo lists no buffer with ino " + ino));
    }

    // ---- expectations ----

    /** A call that is expected to fail. */
    @FunctionalInterface
    interface Call {
        void run() throws DrmException;
    }

    /**
     * Runs {@code call}, which must fail with one of {@code accepted}; records the failure as an
     * explained {@link FailedOperation} and returns the errno name. Success or another errno is a
     * {@link RuleMismatch}.
     */
    String expectErrno(ProbeDevice d, String objectRef, String backing, Call call, Errno... accepted) {
        try {
            call.run();
        } catch (DrmException e) {
            for (Errno a : accepted) {
                if (e.is(a)) {
                    record(d, objectRef, backing, e);
                    return e.errnoName();
                }
            }
            throw new RuleMismatch(e.errnoName() + " from " + e.call(), "expected " + names(accepted) + ": "
                    + e.getMessage());
        }
        throw new RuleMismatch("succeeded", "expected " + names(accepted) + " but the call succeeded");
    }

    static String names(Errno... errnos) {
        return Arrays.stream(errnos).map(Enum::name).collect(Collectors.joining(" or "));
    }

    /** Fails the rule with {@code observed} unless {@code ok}. */
    static void require(boolean ok, String observed, String reason) {
        if (!ok) {
            throw new RuleMismatch(observed, reason);
        }
    }

    /** Records an expected failure with the knowledge base's explanation. */
    void record(ProbeDevice d, String objectRef, String backing, DrmException e) {
        Optional<Explanation> why = explanations.explain(
                new FailureContext(e.call(), e.errnoName(), d == null ? null : d.driver(), release, backing));
        failures.add(new FailedOperation(Instant.now(clock).toString(), (int) ProcessHandle.current().pid(), comm,
                d == null ? null : d.id(), e.call(), objectRef, e.errnoName(), e.errno(), "probe",
                why.map(x -> x.text() + " [" + x.citation() + "]").orElse(null),
                why.map(Explanation::expectedByDesign).orElse(null)));
    }
}
