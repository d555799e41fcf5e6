/**
 * The native DRM layer as the rest of gemscope sees it: interfaces and value records only, no jnr
 * (an ArchUnit rule keeps {@code jnr.*} inside {@code drm.jnr}).
 *
 * <ul>
 *   <li>Entry point {@link dev.gemscope.backend.drm.DrmNative}: {@link dev.gemscope.backend.drm.DrmDevices}
 *       (list and open {@code /dev/dri} nodes), {@link dev.gemscope.backend.drm.Udmabuf},
 *       {@link dev.gemscope.backend.drm.DmaHeaps}, memfds, kcmp, and the opt-in
 *       {@link dev.gemscope.backend.drm.DeepMode}. The implementation is
 *       {@code drm.jnr.JnrDrmNative.load(SystemRoot)}.</li>
 *   <li>Owners: {@link dev.gemscope.backend.drm.DrmFile}, {@link dev.gemscope.backend.drm.DmaBufFile},
 *       {@link dev.gemscope.backend.drm.MemFd} and {@link dev.gemscope.backend.drm.Mapping} close or
 *       unmap what they hold, once; GEM handles belong to their {@code DrmFile}.</li>
 *   <li>Errors: {@link dev.gemscope.backend.drm.DrmException} (call, target, errno) with
 *       {@link dev.gemscope.backend.drm.Errno} names.</li>
 *   <li>ABI facts in pure Java: {@link dev.gemscope.backend.drm.Ioc} (encode/decode ioctl numbers),
 *       {@link dev.gemscope.backend.drm.KnownIoctl} (every ioctl issued, named as in C) and the
 *       {@code *Uapi} constant classes. All of them are compiled against the system headers by
 *       {@code drm.jnr.AbiHeaderTest}.</li>
 * </ul>
 *
 * <p>Kernel behaviour behind each call: {@code shared/docs/kernel-interfaces.md} §5, §7, §9 and
 * Appendix B.
 */
package dev.gemscope.backend.drm;
