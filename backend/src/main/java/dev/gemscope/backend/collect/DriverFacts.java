package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.GemObject;
import java.util.Map;

/**
 * What a driver's own (non-imported) GEM objects are backed by, where the driver fixes it. Used only
 * for objects known not to be imports; the reason is recorded as evidence.
 */
final class DriverFacts {

    record Own(GemObject.Backing backing, String reason) {
    }

    private static final Map<String, Own> OWN = Map.of(
            "vgem", new Own(GemObject.Backing.SHMEM, "vgem objects are shmem-backed (vgem_drv.c)"),
            "virtio_gpu", new Own(GemObject.Backing.SHMEM,
                    "virtio-gpu guest objects use the shmem helpers (virtgpu_object.c); host-visible blobs excepted"),
            "i915", new Own(GemObject.Backing.SHMEM,
                    "i915 objects on an integrated GPU are shmem-backed unless stolen (gem/i915_gem_shmem.c)"));

    private DriverFacts() {
    }

    static Own own(String driver) {
        return driver == null ? null : OWN.get(driver);
    }
}
