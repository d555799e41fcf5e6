/**
 * Why a DRM or dma-buf operation failed: a small knowledge base, each entry cited to the kernel
 * source, that maps (operation, errno, driver, kernel era, object backing) to a one-line explanation
 * and whether the failure is expected by design. Used by the probe, by watch and by the GUI.
 */
package dev.gemscope.backend.explain;
