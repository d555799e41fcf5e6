package dev.gemscope.backend.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IocTest {

    /** The values in kernel-interfaces.md §5, which were printed from the headers of 5.10–7.3. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            DRM_IOCTL_VERSION,                 c0406400
            DRM_IOCTL_GET_UNIQUE,              c0106401
            DRM_IOCTL_GEM_CLOSE,               40086409
            DRM_IOCTL_GEM_FLINK,               c008640a
            DRM_IOCTL_GEM_OPEN,                c010640b
            DRM_IOCTL_GET_CAP,                 c010640c
            DRM_IOCTL_SET_CLIENT_CAP,          4010640d
            DRM_IOCTL_PRIME_HANDLE_TO_FD,      c00c642d
            DRM_IOCTL_PRIME_FD_TO_HANDLE,      c00c642e
            DRM_IOCTL_MODE_CREATE_DUMB,        c02064b2
            DRM_IOCTL_MODE_MAP_DUMB,           c01064b3
            DRM_IOCTL_MODE_DESTROY_DUMB,       c00464b4
            DRM_IOCTL_I915_GETPARAM,           c0106446
            DRM_IOCTL_I915_GEM_CREATE,         c010645b
            DRM_IOCTL_I915_GEM_PREAD,          4020645c
            DRM_IOCTL_I915_GEM_PWRITE,         4020645d
            DRM_IOCTL_I915_GEM_MMAP,           c028645e
            DRM_IOCTL_I915_GEM_MMAP_GTT,       c0106464
            DRM_IOCTL_I915_GEM_MMAP_OFFSET,    c0206464
            DRM_IOCTL_I915_GEM_SET_DOMAIN,     400c645f
            DRM_IOCTL_I915_GEM_BUSY,           c0086457
            DRM_IOCTL_I915_GEM_GET_TILING,     c0106462
            DRM_IOCTL_I915_GEM_GET_CACHING,    c0086470
            DRM_IOCTL_I915_GEM_MADVISE,        c00c6466
            DRM_IOCTL_I915_GEM_GET_APERTURE,   80106463
            DRM_IOCTL_I915_QUERY,              c0106479
            DRM_IOCTL_VGEM_FENCE_ATTACH,       c0106441
            DRM_IOCTL_VGEM_FENCE_SIGNAL,       40086442
            DMA_BUF_IOCTL_SYNC,                40086200
            DMA_BUF_SET_NAME,                  40086201
            DMA_BUF_IOCTL_EXPORT_SYNC_FILE,    c0086202
            UDMABUF_CREATE,                    40187542
            DMA_HEAP_IOCTL_ALLOC,              c0184800
            """)
    void knownNumbersMatchTheDocumentedValues(String name, String hex) {
        assertEquals(Long.parseLong(hex, 16), KnownIoctl.valueOf(name).number(), name);
    }

    @Test
    void encodesInLongMaskedTo32Bits() {
        long n = Ioc.iowr('d', 0x00, 64);
        assertEquals(0xC0406400L, n);
        assertTrue(n > 0, "an _IOWR number must not come out negative");
        assertEquals(0x641eL, Ioc.io('d', 0x1e), "DRM_IOCTL_SET_MASTER");
        assertEquals(0x80046402L, Ioc.ior('d', 0x02, 4), "DRM_IOCTL_GET_MAGIC");
        assertEquals(0x40046411L, Ioc.iow('d', 0x11, 4), "DRM_IOCTL_AUTH_MAGIC");
    }

    @Test
    void decodesEveryField() {
        Ioc.Decoded d = Ioc.decode(0xC0406400L);
        assertEquals(new Ioc.Decoded(Ioc.READ | Ioc.WRITE, 'd', 0, 64), d);
        assertEquals(Ioc.WRITE, Ioc.dir(0x40086409L));
        assertEquals(Ioc.READ, Ioc.dir(0x80106463L));
        assertEquals('b', Ioc.type(0x40086201L));
        assertEquals(0x42, Ioc.nr(0x40187542L));
        assertEquals(24, Ioc.size(0x40187542L));
        assertEquals(0x3fff, Ioc.size(0x3fff0000L), "14 size bits");
    }

    @Test
    void decodeIgnoresSignExtension() {
        // A tracer may read cmd as a sign-extended 64-bit value.
        assertEquals(Ioc.decode(0xC0406400L), Ioc.decode(0xFFFF_FFFF_C040_6400L));
        assertEquals("DRM_IOCTL_VERSION", Ioc.describe(0xFFFF_FFFF_C040_6400L));
    }

    @Test
    void roundTripsEveryKnownIoctl() {
        for (KnownIoctl k : KnownIoctl.values()) {
            Ioc.Decoded d = Ioc.decode(k.number());
            assertEquals(k.number(), Ioc.ioc(d.dir(), d.type(), d.nr(), d.size()), k.name());
        }
    }

    @Test
    void describesUnknownNumbers() {
        assertEquals("DRM_IOCTL_GEM_FLINK", Ioc.describe(0xc008640aL));
        assertEquals("0xc0106449 _IOWR('d', 0x49, 16) (DRM driver ioctl 0x09)", Ioc.describe(0xc0106449L));
        assertEquals("0x0000641e _IO('d', 0x1e) (DRM core ioctl)", Ioc.describe(0x641eL));
        assertEquals("0x40087543 _IOW('u', 0x43, 8)", Ioc.describe(0x40087543L));
        assertEquals("0x80045401 _IOR('T', 0x01, 4)", Ioc.describe(0x80045401L));
        assertEquals("0x00000100 _IO(0x01, 0x00)", Ioc.describe(0x100L));
    }

    @Test
    void rejectsFieldsThatDoNotFit() {
        assertThrows(IllegalArgumentException.class, () -> Ioc.iowr('d', 0, 1 << 14));
        assertThrows(IllegalArgumentException.class, () -> Ioc.iowr('d', 256, 8));
        assertThrows(IllegalArgumentException.class, () -> Ioc.iowr(256, 0, 8));
        assertThrows(IllegalArgumentException.class, () -> Ioc.ioc(4, 'd', 0, 8));
    }

    @Test
    void numbersAreUnique() {
        assertEquals(KnownIoctl.values().length,
                java.util.Arrays.stream(KnownIoctl.values()).mapToLong(KnownIoctl::number).distinct().count());
    }

    @Test
    void drmIoctlsRestartOnEagainLikeLibdrm() {
        assertTrue(KnownIoctl.DRM_IOCTL_PRIME_FD_TO_HANDLE.restartsOnEagain());
        assertTrue(KnownIoctl.DMA_BUF_IOCTL_SYNC.restartsOnEagain());
        assertEquals(false, KnownIoctl.DMA_BUF_SET_NAME.restartsOnEagain());
        assertEquals(false, KnownIoctl.UDMABUF_CREATE.restartsOnEagain());
    }
}
