package dev.gemscope.app;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.nio.file.Path;

/** Paths to the repository's captures and fixtures, and snapshots read from them. */
public final class TestData {

    private TestData() {
    }

    public static Path repo() {
        String repo = System.getProperty("gemscope.repo");
        Path p = repo == null ? Path.of("..") : Path.of(repo);
        return p.toAbsolutePath().normalize();
    }

    /** The no-device demo: a live capture of the compositor workload in the QEMU bench. */
    public static Path liveDemoCapture() {
        return repo().resolve(dev.gemscope.backend.source.DrmPresence.DEMO_CAPTURE);
    }

    /** The transcribed i915 + vgem sample most UI tests use (fixed capturedAt; i915 details, a leak). */
    public static Path demoCapture() {
        return repo().resolve("resources/captures/demo-snapshot.json");
    }

    public static Path fixtureSnapshot(String fixture) {
        return repo().resolve("resources/fixtures/" + fixture + "/expected-snapshot.json");
    }

    public static Path fixtureRoot(String fixture) {
        return repo().resolve("resources/fixtures/" + fixture + "/root");
    }

    public static Snapshot demo() {
        return read(demoCapture());
    }

    public static Snapshot read(Path file) {
        try {
            return new SnapshotCodec().read(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path screenshots() {
        String dir = System.getProperty("gemscope.screenshots");
        return dir == null ? Path.of("target/screenshots") : Path.of(dir);
    }

    /**
     * The demo capture a minute later, after sway leaked one more buffer (ino 99, 4 MiB, held by
     * fd 40) and prime-render closed and unmapped ino 57: the leak finder's test case.
     */
    public static Snapshot demoWithLeak() {
        Snapshot s = demo();
        java.util.List<dev.gemscope.backend.model.DmaBuf> bufs = new java.util.ArrayList<>(s.dmaBufs());
        bufs.add(new dev.gemscope.backend.model.DmaBuf("ino:99", 99L, 4L << 20, "drm", "leaky", 1L, 2, 0,
                java.util.List.of(), "vgem"));
        java.util.List<dev.gemscope.backend.model.Holder> holders = new java.util.ArrayList<>(s.holders());
        holders.removeIf(h -> h.pid() == 2301 && "ino:57".equals(h.dmaBufKey()));
        holders.add(new dev.gemscope.backend.model.Holder(2190, 40, dev.gemscope.backend.model.Holder.Kind.DMABUF,
                "/dmabuf:leaky", "ino:99", null, null, 2));
        java.util.List<dev.gemscope.backend.model.Mapping> maps = new java.util.ArrayList<>(s.mappings());
        maps.removeIf(m -> m.pid() == 2301 && "ino:57".equals(m.dmaBufKey()));
        java.util.List<dev.gemscope.backend.model.GemObject> objects = new java.util.ArrayList<>(s.gemObjects());
        objects.add(new dev.gemscope.backend.model.GemObject("vgem/export:ino:99", "vgem", null, null, null, null,
                4L << 20, dev.gemscope.backend.model.GemObject.Backing.SHMEM, 99L, "ino:99",
                dev.gemscope.backend.model.GemObject.Role.EXPORTER, java.util.List.of(), java.util.Map.of()));
        return new Snapshot("2026-11-25T17:21:44Z", s.host(), s.kernelRelease(), s.origin(), s.sources(),
                s.visibility(), s.processes(), s.devices(), s.clients(), objects, bufs, s.attachments(), holders,
                maps, s.failedOperations(), new dev.gemscope.backend.model.Totals(3, s.totals().dmaBufBytes() + (4L << 20),
                        s.totals().perProcess()), s.warnings(), s.probeResults());
    }

    /** The demo capture with the failed operations a probe run would add (one expected by design). */
    public static Snapshot demoWithFailures() {
        Snapshot s = demo();
        var failures = java.util.List.of(
                new dev.gemscope.backend.model.FailedOperation("2026-11-25T17:20:45.120Z", 2301, "prime-render",
                        "0000:00:02.0", "DRM_IOCTL_I915_GEM_PREAD", "0000:00:02.0/import:ino:57", "EINVAL", 22, "probe",
                        "pread is not supported on an imported dma-buf object: expected by design (the pages belong "
                                + "to the exporter; map the dma-buf instead)", true),
                new dev.gemscope.backend.model.FailedOperation("2026-11-25T17:20:45.180Z", 2301, "prime-render",
                        "vgem", "DRM_IOCTL_PRIME_FD_TO_HANDLE", "ino:41", "ENOMEM", 12, "probe",
                        "the import could not allocate its sg_table"),
                new dev.gemscope.backend.model.FailedOperation("2026-11-25T17:20:45.240Z", 2301, "prime-render",
                        "vgem", "DRM_IOCTL_GEM_CLOSE", "handle 99", "EINVAL", 22, "tracefs",
                        "the handle is not open on this DRM fd", false));
        Snapshot withFailures = new Snapshot(s.capturedAt(), s.host(), s.kernelRelease(), s.origin(), s.sources(), s.visibility(),
                s.processes(), s.devices(), s.clients(), s.gemObjects(), s.dmaBufs(), s.attachments(), s.holders(),
                s.mappings(), failures, s.totals(), s.warnings(), s.probeResults());
        // Rows as `gemscope probe -o` writes them (test data: the probe never ran on i915 hardware).
        return withFailures.withProbe(java.util.List.of(
                new dev.gemscope.backend.model.ProbeResult("19", "legacy mmap of a foreign import fails",
                        "0000:00:02.0 (i915)", dev.gemscope.backend.model.ProbeResult.Outcome.PASS, "ENXIO", "ENXIO", null,
                        "i915_gem_mman.c: i915_gem_mmap_ioctl"),
                new dev.gemscope.backend.model.ProbeResult("31", "flink and open are refused on render nodes",
                        "vgem (vgem)", dev.gemscope.backend.model.ProbeResult.Outcome.PASS, "EACCES, EACCES",
                        "EACCES, EACCES", null, "drm_ioctl.c: drm_ioctl_permit"),
                new dev.gemscope.backend.model.ProbeResult("11-udmabuf", "importing a udmabuf adds one attachment",
                        "vgem (vgem)", dev.gemscope.backend.model.ProbeResult.Outcome.NOT_APPLICABLE,
                        "one attachment", null, "no /dev/udmabuf on this kernel (CONFIG_UDMABUF)", "udmabuf.c")),
                java.util.List.of());
    }

    /** The demo capture as an unprivileged user would have collected it: debugfs and others' fds hidden. */
    public static Snapshot demoUnprivileged() {
        Snapshot s = demo();
        var v = new dev.gemscope.backend.model.VisibilityReport(false, 212, 3, 1, 37, java.util.List.of(
                new dev.gemscope.backend.model.VisibilityReport.Issue("debugfs",
                        "dma-buf attachments, GEM object lists, DRM clients' uids",
                        "/sys/kernel/debug is not readable (EACCES)", "run as root, or mount debugfs readable"),
                new dev.gemscope.backend.model.VisibilityReport.Issue("37 processes",
                        "their open fds and mappings", "owned by other users (EACCES on /proc/PID/fd)",
                        "CAP_SYS_PTRACE or root")));
        return new Snapshot(s.capturedAt(), s.host(), s.kernelRelease(), s.origin(), s.sources(), v,
                s.processes(), s.devices(), s.clients(), s.gemObjects(), s.dmaBufs(), s.attachments(), s.holders(),
                s.mappings(), s.failedOperations(), s.totals(), s.warnings(), s.probeResults());
    }
}
