package dev.gemscope.backend.drm;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Linux errno numbers as x86_64 (and every asm-generic architecture) defines them in
 * {@code include/uapi/asm-generic/errno-base.h} and {@code errno.h}. The ABI test compiles every
 * non-internal name against {@code <errno.h>} and checks the number.
 *
 * <p>Listed: all of errno-base (1–34), the ones DRM, dma-buf, udmabuf, dma-heap, pidfd and kcmp
 * return (kernel-interfaces.md §5, §7, §9), and a few more that show up in syscall traces. Numbers
 * not listed print as {@code errno N} ({@link #nameOf(int)}). The kernel-internal codes 512–524
 * ({@code include/linux/errno.h}) never reach a caller of a syscall but can be seen as return
 * values in {@code sys_exit} tracepoints; they are marked {@link #internal()}.
 */
public enum Errno {
    EPERM(1), ENOENT(2), ESRCH(3), EINTR(4), EIO(5), ENXIO(6), E2BIG(7), ENOEXEC(8), EBADF(9),
    ECHILD(10), EAGAIN(11), ENOMEM(12), EACCES(13), EFAULT(14), ENOTBLK(15), EBUSY(16), EEXIST(17),
    EXDEV(18), ENODEV(19), ENOTDIR(20), EISDIR(21), EINVAL(22), ENFILE(23), EMFILE(24), ENOTTY(25),
    ETXTBSY(26), EFBIG(27), ENOSPC(28), ESPIPE(29), EROFS(30), EMLINK(31), EPIPE(32), EDOM(33),
    ERANGE(34), EDEADLK(35), ENAMETOOLONG(36), ENOLCK(37), ENOSYS(38), ENOTEMPTY(39), ELOOP(40),
    ENOMSG(42), EIDRM(43), ENOSTR(60), ENODATA(61), ETIME(62), ENOLINK(67), EPROTO(71),
    EBADMSG(74), EOVERFLOW(75), EBADFD(77), EILSEQ(84), ERESTART(85), EUSERS(87), ENOTSOCK(88),
    EMSGSIZE(90), EPROTONOSUPPORT(93), EOPNOTSUPP(95), EADDRINUSE(98), ENETDOWN(100),
    ENOBUFS(105), ETIMEDOUT(110), ECONNREFUSED(111), EALREADY(114), EINPROGRESS(115),
    ESTALE(116), EREMOTEIO(121), EDQUOT(122), ENOMEDIUM(123), ECANCELED(125), ENOKEY(126),
    EKEYEXPIRED(127), EOWNERDEAD(130), ENOTRECOVERABLE(131), ERFKILL(132), EHWPOISON(133),
    /** Kernel-internal: the syscall is restarted after a signal if SA_RESTART allows. */
    ERESTARTSYS(512, true),
    ERESTARTNOINTR(513, true),
    ERESTARTNOHAND(514, true),
    /** Kernel-internal: "no ioctl command", turned into ENOTTY before user space sees it. */
    ENOIOCTLCMD(515, true),
    ERESTART_RESTARTBLOCK(516, true),
    EPROBE_DEFER(517, true),
    EOPENSTALE(518, true),
    ENOTSUPP(524, true);

    private static final Map<Integer, Errno> BY_NUMBER = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(Errno::number, Function.identity()));

    private final int number;
    private final boolean internal;

    Errno(int number) {
        this(number, false);
    }

    Errno(int number, boolean internal) {
        this.number = number;
        this.internal = internal;
    }

    /** The positive errno value. */
    public int number() {
        return number;
    }

    /** True for the kernel-internal codes that user-space headers do not define. */
    public boolean internal() {
        return internal;
    }

    /** The constant for a number (a negative kernel return value is accepted too). */
    public static Optional<Errno> of(int number) {
        return Optional.ofNullable(BY_NUMBER.get(Math.abs(number)));
    }

    /** {@code ENOENT} for 2, {@code errno 4242} for a number not listed here. */
    public static String nameOf(int number) {
        return of(number).map(Enum::name).orElse("errno " + Math.abs(number));
    }
}
