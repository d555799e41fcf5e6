package dev.gemscope.backend.drm;

/**
 * A buffer from DRM_IOCTL_MODE_CREATE_DUMB ({@code struct drm_mode_create_dumb}).
 *
 * @param handle the GEM handle in the creating file
 * @param width requested width in pixels
 * @param height requested height in pixels
 * @param bpp requested bits per pixel
 * @param pitch bytes per row, chosen by the driver
 * @param size total bytes, chosen by the driver (page-aligned)
 */
public record DumbBuffer(int handle, int width, int height, int bpp, int pitch, long size) {
}
