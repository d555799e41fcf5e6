package dev.gemscope.backend.drm;

import static dev.gemscope.backend.drm.Ioc.DMA_BUF_TYPE;
import static dev.gemscope.backend.drm.Ioc.DMA_HEAP_TYPE;
import static dev.gemscope.backend.drm.Ioc.DRM_COMMAND_BASE;
import static dev.gemscope.backend.drm.Ioc.DRM_TYPE;
import static dev.gemscope.backend.drm.Ioc.UDMABUF_TYPE;
import static dev.gemscope.backend.drm.Ioc.ior;
import static dev.gemscope.backend.drm.Ioc.iow;
import static dev.gemscope.backend.drm.Ioc.iowr;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every ioctl gemscope issues. The constant's name is the C macro name, so the ABI test can compile
 * {@code name()} against the uapi headers and compare with {@link #number()}; the size inside each
 * number is the {@code sizeof} of {@link #argType()}, which the ABI test also checks against the
 * jnr struct layout. Numbers and layouts: kernel-interfaces.md §5.
 *
 * <p>Driver-private numbers are {@code DRM_COMMAND_BASE + DRM_I915_*} / {@code DRM_VGEM_*}; the
 * {@code drv(...)} helper spells that out so the driver's own numbering stays readable.
 */
public enum KnownIoctl {
    // drm.h: core. Only VERSION, GEM_CLOSE, GET_CAP and the PRIME pair are DRM_RENDER_ALLOW.
    DRM_IOCTL_VERSION(iowr(DRM_TYPE, 0x00, 64), "struct drm_version"),
    DRM_IOCTL_GET_UNIQUE(iowr(DRM_TYPE, 0x01, 16), "struct drm_unique"),
    DRM_IOCTL_GEM_CLOSE(iow(DRM_TYPE, 0x09, 8), "struct drm_gem_close"),
    DRM_IOCTL_GEM_FLINK(iowr(DRM_TYPE, 0x0a, 8), "struct drm_gem_flink"),
    DRM_IOCTL_GEM_OPEN(iowr(DRM_TYPE, 0x0b, 16), "struct drm_gem_open"),
    DRM_IOCTL_GET_CAP(iowr(DRM_TYPE, 0x0c, 16), "struct drm_get_cap"),
    DRM_IOCTL_SET_CLIENT_CAP(iow(DRM_TYPE, 0x0d, 16), "struct drm_set_client_cap"),
    DRM_IOCTL_PRIME_HANDLE_TO_FD(iowr(DRM_TYPE, 0x2d, 12), "struct drm_prime_handle"),
    DRM_IOCTL_PRIME_FD_TO_HANDLE(iowr(DRM_TYPE, 0x2e, 12), "struct drm_prime_handle"),
    // drm.h, mode range: primary node only.
    DRM_IOCTL_MODE_CREATE_DUMB(iowr(DRM_TYPE, 0xb2, 32), "struct drm_mode_create_dumb"),
    DRM_IOCTL_MODE_MAP_DUMB(iowr(DRM_TYPE, 0xb3, 16), "struct drm_mode_map_dumb"),
    DRM_IOCTL_MODE_DESTROY_DUMB(iowr(DRM_TYPE, 0xb4, 4), "struct drm_mode_destroy_dumb"),

    // i915_drm.h (DRM_I915_* numbers in the comments).
    DRM_IOCTL_I915_GETPARAM(drv(true, true, 0x06, 16), "struct drm_i915_getparam"),
    DRM_IOCTL_I915_GEM_BUSY(drv(true, true, 0x17, 8), "struct drm_i915_gem_busy"),
    DRM_IOCTL_I915_GEM_CREATE(drv(true, true, 0x1b, 16), "struct drm_i915_gem_create"),
    DRM_IOCTL_I915_GEM_PREAD(drv(false, true, 0x1c, 32), "struct drm_i915_gem_pread"),
    DRM_IOCTL_I915_GEM_PWRITE(drv(false, true, 0x1d, 32), "struct drm_i915_gem_pwrite"),
    DRM_IOCTL_I915_GEM_MMAP(drv(true, true, 0x1e, 40), "struct drm_i915_gem_mmap"),
    DRM_IOCTL_I915_GEM_SET_DOMAIN(drv(false, true, 0x1f, 12), "struct drm_i915_gem_set_domain"),
    DRM_IOCTL_I915_GEM_GET_TILING(drv(true, true, 0x22, 16), "struct drm_i915_gem_get_tiling"),
    DRM_IOCTL_I915_GEM_GET_APERTURE(drv(true, false, 0x23, 16), "struct drm_i915_gem_get_aperture"),
    DRM_IOCTL_I915_GEM_MMAP_GTT(drv(true, true, 0x24, 16), "struct drm_i915_gem_mmap_gtt"),
    /** Same nr as MMAP_GTT: the kernel matches DRM ioctls by nr and accepts the larger struct (5.5+). */
    DRM_IOCTL_I915_GEM_MMAP_OFFSET(drv(true, true, 0x24, 32), "struct drm_i915_gem_mmap_offset"),
    DRM_IOCTL_I915_GEM_MADVISE(drv(true, true, 0x26, 12), "struct drm_i915_gem_madvise"),
    DRM_IOCTL_I915_GEM_GET_CACHING(drv(true, true, 0x30, 8), "struct drm_i915_gem_caching"),
    DRM_IOCTL_I915_QUERY(drv(true, true, 0x39, 16), "struct drm_i915_query"),

    // vgem_drm.h
    DRM_IOCTL_VGEM_FENCE_ATTACH(drv(true, true, 0x01, 16), "struct drm_vgem_fence_attach"),
    DRM_IOCTL_VGEM_FENCE_SIGNAL(drv(false, true, 0x02, 8), "struct drm_vgem_fence_signal"),

    // linux/dma-buf.h
    DMA_BUF_IOCTL_SYNC(iow(DMA_BUF_TYPE, 0, 8), "struct dma_buf_sync"),
    /** The argument is a pointer to a NUL-terminated name; the number encodes the pointer size. */
    DMA_BUF_SET_NAME(iow(DMA_BUF_TYPE, 1, 8), "const char *"),
    DMA_BUF_IOCTL_EXPORT_SYNC_FILE(iowr(DMA_BUF_TYPE, 2, 8), "struct dma_buf_export_sync_file"),

    // linux/udmabuf.h, linux/dma-heap.h
    UDMABUF_CREATE(iow(UDMABUF_TYPE, 0x42, 24), "struct udmabuf_create"),
    DMA_HEAP_IOCTL_ALLOC(iowr(DMA_HEAP_TYPE, 0x0, 24), "struct dma_heap_allocation_data");

    private static final Map<Long, KnownIoctl> BY_NUMBER = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(KnownIoctl::number, Function.identity()));

    private final long number;
    private final String argType;

    KnownIoctl(long number, String argType) {
        this.number = number;
        this.argType = argType;
    }

    /** A driver-private DRM number: {@code DRM_IOR/IOW/IOWR(DRM_COMMAND_BASE + nr, T)}. */
    private static long drv(boolean read, boolean write, int nr, int size) {
        int n = DRM_COMMAND_BASE + nr;
        if (read && write) {
            return iowr(DRM_TYPE, n, size);
        }
        return read ? ior(DRM_TYPE, n, size) : iow(DRM_TYPE, n, size);
    }

    /** The request number, as an unsigned 32-bit value. */
    public long number() {
        return number;
    }

    /** The C type whose size is encoded in the number, e.g. {@code struct drm_version}. */
    public String argType() {
        return argType;
    }

    /**
     * Whether to reissue the call on {@code EAGAIN} as well as on {@code EINTR}. libdrm's
     * {@code drmIoctl()} does so for every DRM ioctl, and {@code dma-buf.c: dma_buf_ioctl()} can
     * return {@code -EAGAIN} from DMA_BUF_IOCTL_SYNC when the wait must be restarted.
     */
    public boolean restartsOnEagain() {
        return Ioc.type(number) == DRM_TYPE || this == DMA_BUF_IOCTL_SYNC;
    }

    /** The known ioctl with exactly this number. */
    public static Optional<KnownIoctl> byNumber(long number) {
        return Optional.ofNullable(BY_NUMBER.get(number & 0xFFFF_FFFFL));
    }
}
