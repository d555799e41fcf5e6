package dev.gemscope.backend.drm;

import java.util.List;

/** The DRM device nodes of a system, and a way to open them. */
public interface DrmDevices {

    /**
     * Every node under {@code /dev/dri} that is a DRM minor, with its parent device from
     * {@code /sys/class/drm}; ordered card, control, render, then by minor. Never throws and opens
     * nothing: the DRM driver name needs an open file ({@link DrmFile#version()}).
     */
    List<DrmNode> list();

    /** Opens a node read-write, close-on-exec. */
    DrmFile open(DrmNode node) throws DrmException;

    /** Opens a device path such as {@code /dev/dri/renderD128}. */
    DrmFile open(String devicePath) throws DrmException;
}
