package dev.gemscope.backend.drm;

/**
 * A GEM handle with its object's size, as GEM_OPEN and I915_GEM_CREATE return them.
 *
 * @param handle the handle in the calling file
 * @param size the object's size in bytes
 */
public record GemObjectRef(int handle, long size) {
}
