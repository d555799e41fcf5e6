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
 */
public record FailedOperation(String time, Integer pid, String comm, String deviceId, String operation,
        String objectRef, String errnoName, int errno, String source, String explanation) {
}
