package dev.gemscope.backend.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.parse.KernelVersion;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    private final Explanations kb = Explanations.builtIn();

    @Test
    void legacyMmapOfAnImportIsEinvalUntil49AndEnxioFrom410() {
        Explanation old = kb.explain(new FailureContext("DRM_IOCTL_I915_GEM_MMAP", "EINVAL", "i915", "4.9.0-8-amd64",
                "imported")).orElseThrow();
        Explanation now = kb.explain(new FailureContext("DRM_IOCTL_I915_GEM_MMAP", "ENXIO", "i915",
                "6.12.118+deb13-amd64", "imported")).orElseThrow();

        assertTrue(old.expectedByDesign());
        assertTrue(now.text().contains("no shmem backing"), now.text());
        assertTrue(kb.explain(new FailureContext("DRM_IOCTL_I915_GEM_MMAP", "ENXIO", "i915", "4.9.0", "imported"))
                .isEmpty(), "ENXIO is not what 4.9 gives");
    }

    @Test
    void anEntryThatNeedsAnUnknownDriverOrKernelDoesNotMatch() {
        assertTrue(kb.explain(new FailureContext("DRM_IOCTL_I915_GEM_MMAP", "ENXIO", null, null, "imported")).isEmpty());
        assertTrue(kb.explain(new FailureContext("DRM_IOCTL_PRIME_FD_TO_HANDLE", "ENODEV", "vgem", "6.1", null))
                .isEmpty());
    }

    @Test
    void driverIndependentEntriesMatchAnyDriver() {
        Explanation flink = kb.explain(new FailureContext("DRM_IOCTL_GEM_FLINK", "EACCES", "vgem", "6.1.0-56-amd64",
                null)).orElseThrow();
        assertTrue(flink.expectedByDesign());
        assertTrue(flink.citation().contains("drm_ioctl.c"), flink.citation());
        assertFalse(kb.explain(new FailureContext("DRM_IOCTL_GEM_CLOSE", "EINVAL", "virtio_gpu", null, null))
                .orElseThrow().expectedByDesign());
    }

    @Test
    void everyEntryIsCitedAndNamesAnErrno() {
        assertFalse(kb.entries().isEmpty());
        for (ExplanationEntry e : kb.entries()) {
            assertFalse(e.citation() == null || e.citation().isBlank(), e.toString());
            assertFalse(e.text() == null || e.text().isBlank(), e.toString());
            assertTrue(e.errno().matches("E[A-Z0-9]+"), e.toString());
            assertTrue(e.operation().startsWith("DRM_IOCTL_") || e.operation().startsWith("DMA_BUF_")
                    || e.operation().matches("[a-z_]+"), e.toString());
        }
    }

    @Test
    void everyErrnoTheProbeBatteryExpectsIsExplained() {
        String[][] seen = {
            {"DRM_IOCTL_PRIME_HANDLE_TO_FD", "EINVAL", "vgem", null}, {"DRM_IOCTL_PRIME_HANDLE_TO_FD", "ENOENT", "vgem", null},
            {"DRM_IOCTL_PRIME_FD_TO_HANDLE", "EINVAL", "vgem", null}, {"DRM_IOCTL_PRIME_FD_TO_HANDLE", "EBADF", "vgem", null},
            {"DRM_IOCTL_PRIME_FD_TO_HANDLE", "ENODEV", "virtio_gpu", "imported"}, {"DRM_IOCTL_GEM_CLOSE", "EINVAL", "vgem", null},
            {"DRM_IOCTL_GEM_FLINK", "EACCES", "vgem", null}, {"DRM_IOCTL_GEM_FLINK", "ENOENT", "vgem", null},
            {"DRM_IOCTL_GEM_OPEN", "EACCES", "vgem", null}, {"DRM_IOCTL_GEM_OPEN", "ENOENT", "vgem", null},
            {"mmap", "EINVAL", "vgem", null}, {"mmap", "EACCES", "virtio_gpu", null}, {"lseek", "EINVAL", "vgem", null},
            {"DMA_BUF_IOCTL_SYNC", "EINVAL", "vgem", null}, {"DMA_BUF_SET_NAME", "EINVAL", "vgem", null},
            {"DRM_IOCTL_VGEM_FENCE_SIGNAL", "ENOENT", "vgem", null}, {"DRM_IOCTL_VGEM_FENCE_SIGNAL", "ETIMEDOUT", "vgem", null},
            {"DRM_IOCTL_I915_GEM_MMAP_OFFSET", "ENODEV", "i915", "imported"}, {"DRM_IOCTL_I915_GEM_MMAP_GTT", "ENODEV", "i915", "imported"},
        };
        for (String[] s : seen) {
            assertTrue(kb.explain(new FailureContext(s[0], s[1], s[2], "6.12.57+deb13-amd64", s[3])).isPresent(),
                    s[0] + " " + s[1] + " is explained");
        }
    }

    @Test
    void setNameEbusyIsAnEraOfItsOwn() {
        assertTrue(kb.explain(new FailureContext("DMA_BUF_SET_NAME", "EBUSY", "vgem", "5.10.0-30-amd64", null)).isPresent());
        assertTrue(kb.explain(new FailureContext("DMA_BUF_SET_NAME", "EBUSY", "vgem", "6.1.0-56-amd64", null)).isEmpty(),
                "6.1 renames attached buffers: EBUSY there is not this rule");
        assertTrue(kb.explain(new FailureContext("DRM_IOCTL_I915_GEM_PREAD", "EOPNOTSUPP", "i915", "5.15.0", null)).isEmpty());
        assertTrue(kb.explain(new FailureContext("DRM_IOCTL_I915_GEM_PREAD", "EOPNOTSUPP", "i915", "6.12.0", null))
                .orElseThrow().expectedByDesign());
    }

    @Test
    void kernelVersionsCompareByMajorAndMinor() {
        assertEquals(new KernelVersion(6, 12), KernelVersion.parse("6.12.118+deb13-amd64"));
        assertEquals(new KernelVersion(3, 10), KernelVersion.parse("3.10.0-1160.el7.x86_64"));
        assertTrue(KernelVersion.parse("7.2").compareTo(KernelVersion.parse("6.12.1")) > 0);
        assertTrue(KernelVersion.parse("4.10.0").compareTo(KernelVersion.parse("4.9.300")) > 0);
        assertTrue(KernelVersion.parse("5.3.1").atLeast(5, 3));
        assertNull(KernelVersion.parse("garbage"));
        assertNull(KernelVersion.parse(null));
    }
}
