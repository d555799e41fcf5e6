package dev.gemscope.backend.drm.jnr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.GemObjectRef;
import dev.gemscope.backend.drm.I915Aperture;
import dev.gemscope.backend.drm.I915File;
import dev.gemscope.backend.drm.I915MemoryRegion;
import dev.gemscope.backend.drm.I915Tiling;
import dev.gemscope.backend.drm.I915Uapi;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.drm.Mapping;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemBusyStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemCachingStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemCreateStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemGetApertureStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemGetTilingStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemMadviseStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemMmapGttStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemMmapOffsetStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemMmapStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemPreadStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemPwriteStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GemSetDomainStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915GetparamStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915MemoryRegionInfoStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915QueryItemStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915QueryMemoryRegionsStruct;
import dev.gemscope.backend.drm.jnr.I915Structs.DrmI915QueryStruct;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * i915's ioctls ({@code drivers/gpu/drm/i915/i915_driver.c: i915_ioctls[]}) on an i915 descriptor.
 * {@link JnrDeepMode} uses only {@link #busy}, {@link #getTiling} and {@link #getCaching}, the
 * read-only ones, on another process's handles.
 */
final class JnrI915File implements I915File {

    private final FdOwner fd;
    private final String target;

    JnrI915File(FdOwner fd, String target) {
        this.fd = fd;
        this.target = target;
    }

    private static Runtime rt() {
        return Native.runtime();
    }

    @Override
    public int getParam(int param) throws DrmException {
        Pointer value = Native.allocate(Integer.BYTES);
        DrmI915GetparamStruct g = Native.alloc(new DrmI915GetparamStruct(rt()));
        g.param.set(param);
        g.value.set(value);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GETPARAM, g, target, value);
        return value.getInt(0);
    }

    @Override
    public GemObjectRef gemCreate(long size) throws DrmException {
        DrmI915GemCreateStruct c = Native.alloc(new DrmI915GemCreateStruct(rt()));
        c.size.set(size);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_CREATE, c, target);
        return new GemObjectRef(c.handle.intValue(), c.size.get());
    }

    @Override
    public void pread(int handle, long offset, byte[] dst, int dstOffset, int length) throws DrmException {
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        Pointer data = Native.allocate(length);
        DrmI915GemPreadStruct r = Native.alloc(new DrmI915GemPreadStruct(rt()));
        r.handle.set(handle);
        r.offset.set(offset);
        r.size.set(length);
        r.data_ptr.set(data.address());
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_PREAD, r, target, data);
        data.get(0, dst, dstOffset, length);
    }

    @Override
    public void pwrite(int handle, long offset, byte[] src, int srcOffset, int length) throws DrmException {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        Pointer data = Native.allocate(length);
        data.put(0, src, srcOffset, length);
        DrmI915GemPwriteStruct w = Native.alloc(new DrmI915GemPwriteStruct(rt()));
        w.handle.set(handle);
        w.offset.set(offset);
        w.size.set(length);
        w.data_ptr.set(data.address());
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_PWRITE, w, target, data);
    }

    @Override
    public Mapping gemMmap(int handle, long offset, long size, long flags) throws DrmException {
        DrmI915GemMmapStruct m = Native.alloc(new DrmI915GemMmapStruct(rt()));
        m.handle.set(handle);
        m.offset.set(offset);
        m.size.set(size);
        m.flags.set(flags);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_MMAP, m, target);
        // The kernel did vm_mmap() for us (i915_gem_mman.c: i915_gem_mmap_ioctl()); we unmap it.
        return new JnrMapping(m.addr_ptr.get(), size, target + " handle " + handle);
    }

    @Override
    public long mmapGtt(int handle) throws DrmException {
        DrmI915GemMmapGttStruct m = Native.alloc(new DrmI915GemMmapGttStruct(rt()));
        m.handle.set(handle);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_MMAP_GTT, m, target);
        return m.offset.get();
    }

    @Override
    public long mmapOffset(int handle, long flags) throws DrmException {
        DrmI915GemMmapOffsetStruct m = Native.alloc(new DrmI915GemMmapOffsetStruct(rt()));
        m.handle.set(handle);
        m.flags.set(flags);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_MMAP_OFFSET, m, target);
        return m.offset.get();
    }

    @Override
    public void setDomain(int handle, int readDomains, int writeDomain) throws DrmException {
        DrmI915GemSetDomainStruct d = Native.alloc(new DrmI915GemSetDomainStruct(rt()));
        d.handle.set(handle);
        d.read_domains.set(readDomains);
        d.write_domain.set(writeDomain);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_SET_DOMAIN, d, target);
    }

    @Override
    public int busy(int handle) throws DrmException {
        DrmI915GemBusyStruct b = Native.alloc(new DrmI915GemBusyStruct(rt()));
        b.handle.set(handle);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_BUSY, b, target);
        return b.busy.intValue();
    }

    @Override
    public I915Tiling getTiling(int handle) throws DrmException {
        DrmI915GemGetTilingStruct t = Native.alloc(new DrmI915GemGetTilingStruct(rt()));
        t.handle.set(handle);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_GET_TILING, t, target);
        return new I915Tiling(t.tiling_mode.intValue(), t.swizzle_mode.intValue(), t.phys_swizzle_mode.intValue());
    }

    @Override
    public int getCaching(int handle) throws DrmException {
        DrmI915GemCachingStruct c = Native.alloc(new DrmI915GemCachingStruct(rt()));
        c.handle.set(handle);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_GET_CACHING, c, target);
        return c.caching.intValue();
    }

    @Override
    public boolean madvise(int handle, int madv) throws DrmException {
        DrmI915GemMadviseStruct m = Native.alloc(new DrmI915GemMadviseStruct(rt()));
        m.handle.set(handle);
        m.madv.set(madv);
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_MADVISE, m, target);
        return m.retained.get() != 0;
    }

    @Override
    public I915Aperture getAperture() throws DrmException {
        DrmI915GemGetApertureStruct a = Native.alloc(new DrmI915GemGetApertureStruct(rt()));
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_GEM_GET_APERTURE, a, target);
        return new I915Aperture(a.aper_size.get(), a.aper_available_size.get());
    }

    /**
     * I915_QUERY in its two steps ({@code i915_query.c}): with {@code length} 0 the kernel reports
     * the size it needs, then fills a buffer of that size. A negative length is this item's errno.
     */
    @Override
    public List<I915MemoryRegion> queryMemoryRegions() throws DrmException {
        DrmI915QueryItemStruct item = Native.alloc(new DrmI915QueryItemStruct(rt()));
        item.query_id.set(I915Uapi.DRM_I915_QUERY_MEMORY_REGIONS);
        query(item, null);
        int length = item.length.get();
        Pointer data = Native.allocate(length);
        item.length.set(length);
        item.data_ptr.set(data.address());
        query(item, data);
        return regions(data, Math.min(length, item.length.get()));
    }

    private void query(DrmI915QueryItemStruct item, Pointer data) throws DrmException {
        DrmI915QueryStruct q = Native.alloc(new DrmI915QueryStruct(rt()));
        q.num_items.set(1);
        q.items_ptr.set(Native.memory(item).address());
        Native.ioctl(fd.get(), KnownIoctl.DRM_IOCTL_I915_QUERY, q, target, item, data);
        if (item.length.get() < 0) {
            throw new DrmException(KnownIoctl.DRM_IOCTL_I915_QUERY.name(), target, -item.length.get(),
                    "item DRM_I915_QUERY_MEMORY_REGIONS");
        }
    }

    /** Decodes the header and its {@code regions[]}, never reading past {@code length}. */
    static List<I915MemoryRegion> regions(Pointer data, int length) {
        DrmI915QueryMemoryRegionsStruct header = new DrmI915QueryMemoryRegionsStruct(rt());
        int headerSize = jnr.ffi.Struct.size(header);
        if (length < headerSize) {
            return List.of();
        }
        header.useMemory(data);
        int infoSize = jnr.ffi.Struct.size(new DrmI915MemoryRegionInfoStruct(rt()));
        long n = Math.min(header.num_regions.get(), (length - headerSize) / infoSize);
        List<I915MemoryRegion> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DrmI915MemoryRegionInfoStruct info = new DrmI915MemoryRegionInfoStruct(rt());
            info.useMemory(data.slice(headerSize + (long) i * infoSize, infoSize));
            out.add(new I915MemoryRegion(info.region.memory_class.get(), info.region.memory_instance.get(),
                    info.probed_size.get(), info.unallocated_size.get(), info.probed_cpu_visible_size.get(),
                    info.unallocated_cpu_visible_size.get()));
        }
        return out;
    }
}
