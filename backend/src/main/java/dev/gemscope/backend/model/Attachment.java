package dev.gemscope.backend.model;

/**
 * One {@code dma_buf_attach()}: a device importing a dma-buf. One per importing GEM object, so the
 * same device may appear twice for one buffer (kernel-interfaces.md §7 rule 11a).
 *
 * @param dmaBufKey the buffer's {@link DmaBuf#key()}
 * @param deviceName the name bufinfo prints ({@code dev_name()}, e.g. a PCI address)
 * @param deviceId the matching {@link DrmDevice#id()}, or null if no DRM device has that name
 *     (cameras, display controllers, or a device we could not see)
 * @param importedObjectId the {@link GemObject#id()} of the importing object, when there is one
 */
public record Attachment(String dmaBufKey, String deviceName, String deviceId, String importedObjectId) {
}
