package dev.gemscope.backend.drm;

/**
 * I915_GEM_GET_APERTURE's answer.
 *
 * @param aperSize total size of the GTT aperture in bytes
 * @param aperAvailableSize bytes not pinned
 */
public record I915Aperture(long aperSize, long aperAvailableSize) {
}
