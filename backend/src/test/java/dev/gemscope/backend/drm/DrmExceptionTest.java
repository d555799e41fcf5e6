package dev.gemscope.backend.drm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrmExceptionTest {

    @Test
    void messageNamesCallTargetAndErrno() {
        DrmException e = new DrmException("DRM_IOCTL_PRIME_FD_TO_HANDLE", "/dev/dri/renderD129", 19);
        assertEquals("DRM_IOCTL_PRIME_FD_TO_HANDLE on /dev/dri/renderD129: ENODEV (19)", e.getMessage());
        assertEquals("DRM_IOCTL_PRIME_FD_TO_HANDLE", e.call());
        assertEquals("/dev/dri/renderD129", e.target());
        assertEquals(19, e.errno());
        assertEquals("ENODEV", e.errnoName());
        assertTrue(e.is(Errno.ENODEV));
        assertFalse(e.is(Errno.EINVAL));
    }

    @Test
    void unknownErrnoAndDetail() {
        DrmException e = new DrmException("mmap", "dma-buf fd 7", 4242, "offset 0x0 length 4096");
        assertEquals("mmap on dma-buf fd 7: errno 4242 (4242) (offset 0x0 length 4096)", e.getMessage());
    }

    @Test
    void emptyTargetIsLeftOut() {
        assertEquals("kcmp: ENOSYS (38)", new DrmException("kcmp", "", 38).getMessage());
        assertEquals("", new DrmException("kcmp", null, 38).target());
    }

    @Test
    void isChecked() {
        assertTrue(Exception.class.isAssignableFrom(DrmException.class));
        assertFalse(RuntimeException.class.isAssignableFrom(DrmException.class));
    }
}
