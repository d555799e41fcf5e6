package dev.gemscope.backend.drm;

/**
 * I915_GEM_GET_TILING's answer ({@code struct drm_i915_gem_get_tiling}).
 *
 * @param tilingMode I915_TILING_NONE, X or Y
 * @param swizzleMode the bit-6 swizzle applied to CPU access
 * @param physSwizzleMode the swizzle as the hardware really does it
 */
public record I915Tiling(int tilingMode, int swizzleMode, int physSwizzleMode) {
}
