package dev.gemscope.backend.parse.proc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * One parsed {@code /proc/PID/fdinfo/FD} file.
 *
 * @param header the generic lines every fd has
 * @param kind what the file-type lines say this fd is
 * @param dmaBuf the dma-buf lines, when {@code kind} is {@link FdKind#DMA_BUF}
 * @param drm the DRM client lines, when {@code kind} is {@link FdKind#DRM}
 * @param otherKeys every other {@code key: value} line after the header, in file order (first
 *     value kept for repeated keys): driver-specific DRM keys, or the lines of other file types
 *     (eventfd, epoll, pidfd, ...)
 * @param warnings lines that could not be used
 */
public record FdInfo(FdHeader header, FdKind kind, Optional<DmaBufFdInfo> dmaBuf, Optional<DrmClientInfo> drm,
        Map<String, String> otherKeys, List<ParseWarning> warnings) {

    public FdInfo {
        otherKeys = Collections.unmodifiableMap(new LinkedHashMap<>(otherKeys));
        warnings = List.copyOf(warnings);
    }

    /**
     * What an fd is, judged from the keys present. On kernels older than 5.3 (dma-buf) or 5.19
     * (DRM; amdgpu from 5.14) such fds print only the generic header and come out as
     * {@link #OTHER}: use the {@code /proc/PID/fd/N} link ({@link FdLinkParser}) to tell them apart.
     */
    public enum FdKind {
        /** {@code exp_name:} present. */
        DMA_BUF,
        /** A {@code drm-} key present. */
        DRM,
        /** Anything else, including a DRM or dma-buf fd on a kernel that prints nothing for it. */
        OTHER
    }
}
