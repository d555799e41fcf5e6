package dev.gemscope.backend.explain;

/**
 * What is known about one failed call when looking for its explanation. Any field but the
 * operation and errno may be null (unknown); an entry that needs an unknown field does not match.
 *
 * @param operation the ioctl or call name as {@code KnownIoctl} names it, e.g. {@code DRM_IOCTL_I915_GEM_MMAP}
 * @param errnoName e.g. {@code ENXIO}
 * @param driver the DRM driver of the device the call was made on, e.g. {@code i915}, or null
 * @param kernelRelease {@code uname -r}, e.g. {@code 6.12.118+deb13-amd64}, or null
 * @param backing the object's backing ({@code shmem}, {@code imported}, ...), or null
 */
public record FailureContext(String operation, String errnoName, String driver, String kernelRelease,
        String backing) {
}
