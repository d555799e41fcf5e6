package dev.gemscope.backend.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailureDescriberTest {

    @Test
    void coreAndDmaBufNumbersAreNamedOnAnyDevice() {
        assertEquals("DRM_IOCTL_PRIME_FD_TO_HANDLE", FailureDescriber.operationName(0xc00c642eL, null));
        assertEquals("DMA_BUF_IOCTL_SYNC", FailureDescriber.operationName(0x40086200L, null));
        assertEquals("DMA_HEAP_IOCTL_ALLOC", FailureDescriber.operationName(0xc0184800L, null));
    }

    @Test
    void driverNumbersAreNamedOnlyOnTheirDriver() {
        assertEquals("DRM_IOCTL_VGEM_FENCE_ATTACH", FailureDescriber.operationName(0xc0106441L, "vgem"));
        assertEquals("DRM_IOCTL_I915_GEM_MMAP", FailureDescriber.operationName(0xc028645eL, "i915"));
        assertEquals("0xc028645e _IOWR('d', 0x5e, 40) (DRM driver ioctl 0x1e)",
                FailureDescriber.operationName(0xc028645eL, "virtio_gpu"));
        assertEquals("0xc0106441 _IOWR('d', 0x41, 16) (DRM driver ioctl 0x01)",
                FailureDescriber.operationName(0xc0106441L, null));
    }

    @Test
    void unknownNumbersAreDecoded() {
        assertEquals("0xc01064ff _IOWR('d', 0xff, 16) (DRM core ioctl)", FailureDescriber.operationName(0xc01064ffL, null));
        assertEquals("0x40086263 _IOW('b', 0x63, 8)", FailureDescriber.operationName(0x40086263L, null));
    }

    @Test
    void bufferRequestsAreTheDrmAndDmaBufTypesAndTheAllocatorNumbers() {
        assertEquals(true, IoctlPairing.isBufferRequest(0x40086409L));
        assertEquals(true, IoctlPairing.isBufferRequest(0x40086200L));
        assertEquals(true, IoctlPairing.isBufferRequest(0x40187542L));
        assertEquals(true, IoctlPairing.isBufferRequest(0x40087543L));
        assertEquals(false, IoctlPairing.isBufferRequest(0x5401L)); // TCGETS
        assertEquals(false, IoctlPairing.isBufferRequest(0x80044800L)); // SNDRV_HWDEP_IOCTL_PVERSION, also 'H'
    }
}
