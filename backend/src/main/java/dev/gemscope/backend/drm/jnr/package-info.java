/**
 * The jnr-ffi implementation of {@code dev.gemscope.backend.drm}, and the only package that
 * imports {@code jnr.*}.
 *
 * <ul>
 *   <li>{@code Native}: libc loaded once, lazily ({@code Native.LibC}); errno from jnr's
 *       {@code LastError}; EINTR (and EAGAIN where the kernel asks for a restart) retried; every
 *       failure a {@code DrmException}.</li>
 *   <li>{@code *Structs}: jnr {@code Struct}s mirroring the uapi headers member by member, with the
 *       C member names, each tagged with its C type ({@code CStruct}).</li>
 *   <li>{@link dev.gemscope.backend.drm.jnr.AbiTable}: every ioctl number, struct size, member
 *       offset and size, constant and errno the Java side uses, as (C expression, Java value) for the
 *       ABI test, which compiles them with gcc against the installed headers.</li>
 *   <li>{@code FdOwner}: closes one descriptor exactly once; argument memory is allocated per call
 *       and never shared between threads.</li>
 * </ul>
 */
package dev.gemscope.backend.drm.jnr;
