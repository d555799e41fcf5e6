package dev.gemscope.backend.model;

/**
 * A DRM or dma-buf operation that failed, with why.
 *
 * @param time ISO-8601 time it was seen
 * @param pid the caller, or null
 * @param comm the caller's task name, or null
 * @param deviceId the device it was tried on, or null
 * @param operation the ioctl or call name, e.g. {@code I915_GEM_MMAP}
 * @param objectRef the object or buffer concerned, e.g. {@code handle 3} or {@code ino:12}, or null
 * @param errnoName e.g. {@code ENXIO}
 * @param errno the number
 * @param source where it was seen: {@code probe}, {@code tracefs}, ...
 * @param explanation why it failed, from the explanations knowledge base; may be empty
 * @param expectedByDesign true when the kernel refuses this on purpose (e.g. pread on a PRIME import),
 *        false when it points at a bug or misuse, null when the knowledge base does not know
 */
public record FailedOperation(String time, Integer pid, String comm, String deviceId, String operation,
        String objectRef, String errnoName, int errno, String source, String explanation,
        Boolean expectedByDesign) {

    /** The same failure without a verdict on whether it is by design (older snapshots, unknown cases). */
    public FailedOperation(String time, Integer pid, String comm, String deviceId, String operation,
            String objectRef, String errnoName, int errno, String source, String explanation) {
        this(time, pid, comm, deviceId, operation, objectRef, errnoName, errno, source, explanation, null);
    }
}
