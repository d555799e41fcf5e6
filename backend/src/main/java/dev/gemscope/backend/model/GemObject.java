package dev.gemscope.backend.model;

import java.util.List;
import java.util.Map;

/**
 * A DRM GEM object, as far as the kernel makes it visible. No interface lists every GEM object, so
 * each one is assembled from evidence (kernel-interfaces.md Appendix B) and says how it is known.
 *
 * @param id stable key within the snapshot, e.g. {@code 0000:00:02.0/flink:3} or {@code vgem/export:ino:12}
 * @param deviceId the {@link DrmDevice#id()} it lives on (or the attachment's device name when unknown)
 * @param ownerPid the process holding a handle to it, when known
 * @param clientId the DRM client holding it, when known
 * @param handle its GEM handle in the owner's DRM file, when known (only deep mode or own objects)
 * @param flinkName the global flink name, or null
 * @param size size in bytes, or null when no source gave it
 * @param backing what backs its pages
 * @param dmaBufIno the dma-buf it exports or imports (ino), or null
 * @param dmaBufKey the dma-buf's {@link DmaBuf#key()} (also for kernels without ino), or null
 * @param role EXPORTER (its dma-buf was made from it), IMPORTER (made from a dma-buf), or NONE
 * @param evidence every source and rule that produced or refined this object
 * @param attributes driver details from debugfs (i915 domains, cache level, tiling, GTT bindings, ...)
 */
public record GemObject(
        String id,
        String deviceId,
        Integer ownerPid,
        Long clientId,
        Integer handle,
        Integer flinkName,
        Long size,
        Backing backing,
        Long dmaBufIno,
        String dmaBufKey,
        Role role,
        List<Evidence> evidence,
        Map<String, String> attributes) {

    public GemObject {
        backing = backing == null ? Backing.UNKNOWN : backing;
        role = role == null ? Role.NONE : role;
        evidence = Lists.copy(evidence);
        attributes = Lists.copy(attributes);
    }

    /** What backs a GEM object's pages. */
    public enum Backing {
        /** shmem pages (the object has a filp). */
        SHMEM,
        /** an sg_table from an imported foreign dma-buf (no filp). */
        IMPORTED,
        /** i915 stolen memory. */
        STOLEN,
        /** device-local memory (discrete GPUs). */
        LMEM,
        /** no source said. */
        UNKNOWN
    }

    /** The object's part in PRIME sharing. */
    public enum Role { EXPORTER, IMPORTER, NONE }

    /**
     * How something about the object is known.
     *
     * @param source the kernel file read, e.g. {@code /sys/kernel/debug/dma_buf/bufinfo}
     * @param rule the rule applied, e.g. {@code "B3: attachment naming this GPU on a foreign buffer"}
     */
    public record Evidence(String source, String rule) {
    }
}
