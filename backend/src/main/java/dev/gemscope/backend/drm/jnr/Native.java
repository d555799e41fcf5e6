package dev.gemscope.backend.drm.jnr;

import static dev.gemscope.backend.drm.LinuxUapi.F_DUPFD_CLOEXEC;
import static dev.gemscope.backend.drm.LinuxUapi.MAP_SHARED;

import java.lang.ref.Reference;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.KnownIoctl;
import dev.gemscope.backend.drm.LinuxUapi;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.ssize_t;
import jnr.ffi.annotations.Variadic;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.u_int64_t;

/**
 * The errno policy, decided once (the jnr-enxio {@code Native} shape): every wrapper reads errno
 * from jnr's {@link LastError} right after the call on the same thread, reissues calls interrupted
 * by a signal ({@code EINTR}), and turns any other failure into a {@link DrmException} naming the
 * call and what it was made on.
 *
 * <p>{@code close} is never retried: Linux releases the descriptor before it can report EINTR, so a
 * retry could close a descriptor another thread has just been given.
 */
final class Native {

    /** Upper bound on reissuing one call, so a kernel that keeps saying EAGAIN cannot hang us. */
    private static final int MAX_RESTARTS = 10_000;

    private Native() {
    }

    /**
     * Exactly the libc functions the native layer calls (glibc x86_64 prototypes in the comments).
     * Every call saves errno for {@link Native} to read through {@code LastError}. Functions that are
     * variadic in C are declared {@link Variadic} so jffi sets up the call the way the ABI requires for
     * a {@code ...} argument list.
     *
     * <p>Public only because jnr-ffi generates the implementing class in its own class loader, which
     * may not implement a package-private interface; nested in this package-private class it still
     * cannot be named outside {@code drm.jnr} (the jnr-enxio {@code Native.LibC} shape).
     *
     * <p>{@code dup(2)} is deliberately absent: {@code fcntl(F_DUPFD_CLOEXEC)} gives the duplicate
     * close-on-exec, so a child the JVM spawns never inherits a dma-buf or DRM descriptor.
     */
    public interface LibC {

        /** {@code int open(const char *path, int flags, ...)}. */
        @SaveError
        @Variadic(fixedCount = 2)
        int open(@In String path, int flags, int mode);

        /** {@code int close(int fd)}. */
        @SaveError
        int close(int fd);

        /** {@code int ioctl(int fd, unsigned long request, ...)}. */
        @SaveError
        @Variadic(fixedCount = 2)
        int ioctl(int fd, @u_int64_t long request, Pointer arg);

        /** {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}. */
        @SaveError
        Pointer mmap(Pointer addr, @size_t long length, int prot, int flags, int fd, @off_t long offset);

        /** {@code int munmap(void *addr, size_t length)}. */
        @SaveError
        int munmap(Pointer addr, @size_t long length);

        /** {@code off_t lseek(int fd, off_t offset, int whence)}. */
        @SaveError
        @off_t
        long lseek(int fd, @off_t long offset, int whence);

        /** {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}. */
        @SaveError
        int poll(Pointer fds, @u_int64_t long nfds, int timeout);

        /** {@code int memfd_create(const char *name, unsigned int flags)} (glibc 2.27+). */
        @SaveError
        int memfd_create(@In String name, int flags);

        /** {@code int fcntl(int fd, int cmd, ...)}: F_ADD_SEALS, F_GET_SEALS, F_DUPFD_CLOEXEC. */
        @SaveError
        @Variadic(fixedCount = 2)
        int fcntl(int fd, int cmd, int arg);

        /** {@code int ftruncate(int fd, off_t length)}. */
        @SaveError
        int ftruncate(int fd, @off_t long length);

        /**
         * {@code long syscall(long number, ...)} for pidfd_open, pidfd_getfd and kcmp, which glibc 2.36
         * does not wrap (or wraps only from later versions). Unused trailing arguments are ignored by
         * the kernel.
         */
        @SaveError
        int socket(int domain, int type, int protocol);

        @SaveError
        int bind(int fd, Pointer addr, int addrlen);

        @SaveError
        int listen(int fd, int backlog);

        @SaveError
        int accept4(int fd, Pointer addr, Pointer addrlen, int flags);

        @SaveError
        int connect(int fd, Pointer addr, int addrlen);

        @SaveError
        @ssize_t
        long sendmsg(int fd, Pointer msg, int flags);

        @SaveError
        @ssize_t
        long recvmsg(int fd, Pointer msg, int flags);

        /** {@code int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)}. */
        int posix_spawn_file_actions_init(Pointer fa);

        /** {@code int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)}. */
        int posix_spawn_file_actions_destroy(Pointer fa);

        /** {@code int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd)}. */
        int posix_spawn_file_actions_adddup2(Pointer fa, int fd, int newfd);

        /** {@code int posix_spawn_file_actions_addopen(fa, int fd, const char *path, int oflag, mode_t mode)}. */
        int posix_spawn_file_actions_addopen(Pointer fa, int fd, @In String path, int oflag, int mode);

        /** {@code int posix_spawn_file_actions_addclosefrom_np(fa, int from)} (glibc 2.34+). */
        int posix_spawn_file_actions_addclosefrom_np(Pointer fa, int from);

        /**
         * {@code int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
         * const posix_spawnattr_t *attr, char *const argv[], char *const envp[])}: returns an error
         * number rather than setting errno.
         */
        int posix_spawn(Pointer pid, @In String path, Pointer fa, Pointer attr, Pointer argv, Pointer envp);

        /** {@code int kill(pid_t pid, int sig)}. */
        @SaveError
        int kill(int pid, int sig);

        /** {@code pid_t waitpid(pid_t pid, int *status, int options)}. */
        @SaveError
        int waitpid(int pid, Pointer status, int options);

        @SaveError
        @Variadic(fixedCount = 1)
        long syscall(long number, long a1, long a2, long a3, long a4, long a5);
    }

    /** Loaded on first use, once; a missing jffi native library surfaces here as a LinkageError. */
    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class)
                .option(LibraryOption.LoadNow, Boolean.TRUE)
                .failImmediately()
                .load(Platform.getNativePlatform().getStandardCLibraryName());
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    static LibC libc() {
        return Holder.LIBC;
    }

    static Runtime runtime() {
        return Holder.RUNTIME;
    }

    /** Forces loading; throws LinkageError (or its causes) when the native side is unusable. */
    static void load() {
        libc();
    }

    static int errno() {
        return LastError.getLastError(runtime());
    }

    private static boolean interrupted(int errno) {
        return errno == Errno.EINTR.number();
    }

    /** Fresh zeroed native memory for one call's struct; nothing is shared between calls or threads. */
    static <T extends Struct> T alloc(T struct) {
        struct.useMemory(Memory.allocateDirect(runtime(), Struct.size(struct), true));
        return struct;
    }

    static Pointer memory(Struct struct) {
        return Struct.getMemory(struct);
    }

    static Pointer allocate(long size) {
        return Memory.allocateDirect(runtime(), Math.max(1, size), true);
    }

    static int open(String path, int flags) throws DrmException {
        for (int i = 0; ; i++) {
            int fd = libc().open(path, flags, 0);
            if (fd >= 0) {
                return fd;
            }
            int e = errno();
            if (!interrupted(e) || i >= MAX_RESTARTS) {
                throw new DrmException("open", path, e);
            }
        }
    }

    static void close(int fd) {
        libc().close(fd);
    }

    /**
     * {@code ioctl(fd, request, arg)}, restarted on EINTR and, where the kernel asks for it
     * ({@link KnownIoctl#restartsOnEagain()}), on EAGAIN.
     *
     * @return the non-negative result
     */
    static int ioctl(int fd, KnownIoctl request, Pointer arg, String target) throws DrmException {
        for (int i = 0; ; i++) {
            int rc = libc().ioctl(fd, request.number(), arg);
            if (rc >= 0) {
                return rc;
            }
            int e = errno();
            boolean restart = interrupted(e) || (request.restartsOnEagain() && e == Errno.EAGAIN.number());
            if (!restart || i >= MAX_RESTARTS) {
                throw new DrmException(request.name(), target, e);
            }
        }
    }

    /**
     * {@link #ioctl(int, KnownIoctl, Pointer, String)} on a struct in native memory. The struct and
     * every object in {@code keepAlive} (buffers whose addresses the struct carries as {@code
     * __u64}) are kept reachable until the kernel has returned: otherwise the garbage collector
     * may free direct memory that the JIT considers dead while the kernel still reads it.
     */
    static int ioctl(int fd, KnownIoctl request, Struct arg, String target, Object... keepAlive)
            throws DrmException {
        try {
            return ioctl(fd, request, memory(arg), target);
        } finally {
            Reference.reachabilityFence(arg);
            Reference.reachabilityFence(keepAlive);
        }
    }

    /** A shared mapping of {@code fd}; MAP_FAILED becomes a DrmException. */
    static Pointer mmap(int fd, long offset, long length, int prot, String target) throws DrmException {
        Pointer p = libc().mmap(null, length, prot, MAP_SHARED, fd, offset);
        if (p == null || p.address() == -1L) {
            throw new DrmException("mmap", target, errno(),
                    String.format("offset 0x%x length %d", offset, length));
        }
        return p;
    }

    static void munmap(long address, long length) {
        // Only fails for arguments we never pass (unaligned or zero length); nothing to report.
        libc().munmap(Pointer.wrap(runtime(), address), length);
    }

    static long lseek(int fd, long offset, int whence, String target) throws DrmException {
        long r = libc().lseek(fd, offset, whence);
        if (r < 0) {
            throw new DrmException("lseek", target, errno());
        }
        return r;
    }

    /** {@code fcntl(fd, F_DUPFD_CLOEXEC, 0)}: a close-on-exec duplicate. */
    static int dupCloexec(int fd, String target) throws DrmException {
        return fcntl(fd, F_DUPFD_CLOEXEC, 0, "fcntl(F_DUPFD_CLOEXEC)", target);
    }

    static int fcntl(int fd, int cmd, int arg, String call, String target) throws DrmException {
        for (int i = 0; ; i++) {
            int rc = libc().fcntl(fd, cmd, arg);
            if (rc >= 0) {
                return rc;
            }
            int e = errno();
            if (!interrupted(e) || i >= MAX_RESTARTS) {
                throw new DrmException(call, target, e);
            }
        }
    }

    /** One {@code poll(2)} on one descriptor; returns {@code revents} (0 on timeout). */
    static int poll(int fd, int events, int timeoutMillis, String target) throws DrmException {
        LibcStructs.PollFdStruct pfd = alloc(new LibcStructs.PollFdStruct(runtime()));
        pfd.fd.set(fd);
        pfd.events.set((short) events);
        for (int i = 0; ; i++) {
            int rc = libc().poll(memory(pfd), 1, timeoutMillis);
            if (rc >= 0) {
                return rc == 0 ? 0 : pfd.revents.get() & 0xffff;
            }
            int e = errno();
            if (!interrupted(e) || i >= MAX_RESTARTS) {
                throw new DrmException("poll", target, e);
            }
        }
    }

    static int memfdCreate(String name, int flags) throws DrmException {
        int fd = libc().memfd_create(name, flags);
        if (fd < 0) {
            throw new DrmException("memfd_create", name, errno());
        }
        return fd;
    }

    static void ftruncate(int fd, long length, String target) throws DrmException {
        for (int i = 0; ; i++) {
            if (libc().ftruncate(fd, length) == 0) {
                return;
            }
            int e = errno();
            if (!interrupted(e) || i >= MAX_RESTARTS) {
                throw new DrmException("ftruncate", target, e);
            }
        }
    }

    /** {@code pidfd_open(pid, 0)} (5.3+): a descriptor for the process, close-on-exec. */
    static int pidfdOpen(long pid) throws DrmException {
        long r = libc().syscall(LinuxUapi.__NR_pidfd_open, pid, 0, 0, 0, 0);
        if (r < 0) {
            throw new DrmException("pidfd_open", "pid " + pid, errno());
        }
        return (int) r;
    }

    /** {@code pidfd_getfd(pidfd, targetfd, 0)} (5.6+): our own close-on-exec copy of their fd. */
    static int pidfdGetfd(int pidfd, int targetFd, String target) throws DrmException {
        long r = libc().syscall(LinuxUapi.__NR_pidfd_getfd, pidfd, targetFd, 0, 0, 0);
        if (r < 0) {
            throw new DrmException("pidfd_getfd", target, errno());
        }
        return (int) r;
    }

    /** {@code kcmp(pid1, pid2, type, idx1, idx2)}: 0 equal, 1 less, 2 greater. */
    static int kcmp(long pid1, long pid2, int type, long idx1, long idx2) throws DrmException {
        long r = libc().syscall(LinuxUapi.__NR_kcmp, pid1, pid2, type, idx1, idx2);
        if (r < 0) {
            throw new DrmException("kcmp", "pid " + pid1 + " fd " + idx1 + " / pid " + pid2 + " fd " + idx2,
                    errno());
        }
        return (int) r;
    }

    /** Retries {@code call} on EINTR; a negative result becomes a DrmException naming {@code what}. */
    private static long retrying(java.util.function.LongSupplier call, String what, String target)
            throws DrmException {
        for (int i = 0; ; i++) {
            long r = call.getAsLong();
            if (r >= 0) {
                return r;
            }
            int e = errno();
            if (!interrupted(e) || i >= MAX_RESTARTS) {
                throw new DrmException(what, target, e);
            }
        }
    }

    static int socket(int domain, int type, String target) throws DrmException {
        return (int) retrying(() -> libc().socket(domain, type, 0), "socket", target);
    }

    /** A {@code struct sockaddr_un} for {@code path}; EINVAL-like failure if it does not fit. */
    static SocketStructs.SockaddrUnStruct sockaddrUn(String path) throws DrmException {
        byte[] bytes = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SocketStructs.SockaddrUnStruct sa = alloc(new SocketStructs.SockaddrUnStruct(runtime()));
        if (bytes.length >= sa.sun_path.length) {
            throw new DrmException("bind/connect", path, Errno.ENAMETOOLONG.number(), "sun_path holds 107 bytes");
        }
        sa.sun_family.set(LinuxUapi.AF_UNIX);
        for (int i = 0; i < bytes.length; i++) {
            sa.sun_path[i].set(bytes[i]);
        }
        return sa;
    }

    static void bind(int fd, String path) throws DrmException {
        SocketStructs.SockaddrUnStruct sa = sockaddrUn(path);
        try {
            retrying(() -> libc().bind(fd, memory(sa), Struct.size(sa)), "bind", path);
        } finally {
            Reference.reachabilityFence(sa);
        }
    }

    static void listen(int fd, int backlog, String target) throws DrmException {
        retrying(() -> libc().listen(fd, backlog), "listen", target);
    }

    static int accept(int fd, String target) throws DrmException {
        return (int) retrying(() -> libc().accept4(fd, null, null, LinuxUapi.SOCK_CLOEXEC), "accept4", target);
    }

    static void connect(int fd, String path) throws DrmException {
        SocketStructs.SockaddrUnStruct sa = sockaddrUn(path);
        try {
            retrying(() -> libc().connect(fd, memory(sa), Struct.size(sa)), "connect", path);
        } finally {
            Reference.reachabilityFence(sa);
        }
    }

    private static final int CMSG_HDR = 16;
    private static final int CMSG_LEN_INT = CMSG_HDR + 4;
    private static final int CMSG_SPACE_INT = CMSG_HDR + 8;

    /** {@code sendmsg} of {@code message} with {@code passFd} in one SCM_RIGHTS control message. */
    static void sendFd(int fd, int passFd, byte[] message, String target) throws DrmException {
        byte[] payload = message.length == 0 ? new byte[] {0} : message;
        Pointer data = allocate(payload.length);
        data.put(0, payload, 0, payload.length);
        SocketStructs.IovecStruct iov = alloc(new SocketStructs.IovecStruct(runtime()));
        iov.iov_base.set(data.address());
        iov.iov_len.set(payload.length);
        Pointer control = allocate(CMSG_SPACE_INT);
        SocketStructs.CmsgHdrStruct cmsg = new SocketStructs.CmsgHdrStruct(runtime());
        cmsg.useMemory(control);
        cmsg.cmsg_len.set(CMSG_LEN_INT);
        cmsg.cmsg_level.set(LinuxUapi.SOL_SOCKET);
        cmsg.cmsg_type.set(LinuxUapi.SCM_RIGHTS);
        control.putInt(CMSG_HDR, passFd);
        SocketStructs.MsgHdrStruct msg = alloc(new SocketStructs.MsgHdrStruct(runtime()));
        msg.msg_iov.set(memory(iov).address());
        msg.msg_iovlen.set(1);
        msg.msg_control.set(control.address());
        msg.msg_controllen.set(CMSG_SPACE_INT);
        try {
            long n = retrying(() -> libc().sendmsg(fd, memory(msg), LinuxUapi.MSG_NOSIGNAL), "sendmsg", target);
            if (n != payload.length) {
                throw new DrmException("sendmsg", target, Errno.EMSGSIZE.number(), "sent " + n + " of " + payload.length);
            }
        } finally {
            Reference.reachabilityFence(data);
            Reference.reachabilityFence(iov);
            Reference.reachabilityFence(control);
            Reference.reachabilityFence(msg);
        }
    }

    /** One received message and its descriptor (-1 if none came). */
    record ReceivedFd(byte[] message, int fd) {
    }

    static ReceivedFd receiveFd(int fd, int maxBytes, String target) throws DrmException {
        Pointer data = allocate(maxBytes);
        SocketStructs.IovecStruct iov = alloc(new SocketStructs.IovecStruct(runtime()));
        iov.iov_base.set(data.address());
        iov.iov_len.set(maxBytes);
        Pointer control = allocate(CMSG_SPACE_INT);
        SocketStructs.MsgHdrStruct msg = alloc(new SocketStructs.MsgHdrStruct(runtime()));
        msg.msg_iov.set(memory(iov).address());
        msg.msg_iovlen.set(1);
        msg.msg_control.set(control.address());
        msg.msg_controllen.set(CMSG_SPACE_INT);
        try {
            long n = retrying(() -> libc().recvmsg(fd, memory(msg), LinuxUapi.MSG_CMSG_CLOEXEC), "recvmsg", target);
            int received = -1;
            if (msg.msg_controllen.get() >= CMSG_LEN_INT) {
                SocketStructs.CmsgHdrStruct cmsg = new SocketStructs.CmsgHdrStruct(runtime());
                cmsg.useMemory(control);
                if (cmsg.cmsg_level.get() == LinuxUapi.SOL_SOCKET && cmsg.cmsg_type.get() == LinuxUapi.SCM_RIGHTS
                        && cmsg.cmsg_len.get() >= CMSG_LEN_INT) {
                    received = control.getInt(CMSG_HDR);
                }
            }
            byte[] bytes = new byte[(int) n];
            data.get(0, bytes, 0, bytes.length);
            return new ReceivedFd(bytes, received);
        } finally {
            Reference.reachabilityFence(data);
            Reference.reachabilityFence(iov);
            Reference.reachabilityFence(control);
            Reference.reachabilityFence(msg);
        }
    }
}
