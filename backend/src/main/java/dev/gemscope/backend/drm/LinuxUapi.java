package dev.gemscope.backend.drm;

/**
 * The libc and syscall constants the native layer passes, for Linux x86_64, named as in
 * {@code <fcntl.h>}, {@code <sys/mman.h>}, {@code <poll.h>}, {@code <unistd.h>},
 * {@code <linux/kcmp.h>} and {@code <asm/unistd.h>}; the ABI test compiles each name.
 */
public final class LinuxUapi {

    // open(2) flags.
    public static final int O_RDONLY = 00;
    public static final int O_RDWR = 02;
    public static final int O_ACCMODE = 03;
    public static final int O_CLOEXEC = 02000000;

    // mmap(2).
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int MAP_SHARED = 0x01;

    // lseek(2).
    public static final int SEEK_SET = 0;
    public static final int SEEK_END = 2;

    // poll(2) events.
    public static final short POLLIN = 0x001;
    public static final short POLLOUT = 0x004;
    public static final short POLLERR = 0x008;
    public static final short POLLHUP = 0x010;
    public static final short POLLNVAL = 0x020;

    // memfd_create(2) flags and the seals fcntl(2) adds (F_ADD_SEALS needs MFD_ALLOW_SEALING).
    public static final int MFD_CLOEXEC = 0x0001;
    public static final int MFD_ALLOW_SEALING = 0x0002;
    public static final int F_DUPFD_CLOEXEC = 1030;
    public static final int F_ADD_SEALS = 1033;
    public static final int F_GET_SEALS = 1034;
    public static final int F_SEAL_SEAL = 0x0001;
    public static final int F_SEAL_SHRINK = 0x0002;
    public static final int F_SEAL_GROW = 0x0004;
    public static final int F_SEAL_WRITE = 0x0008;
    public static final int F_SEAL_FUTURE_WRITE = 0x0010;

    /** kcmp(2) type: compare two file descriptors' {@code struct file} (linux/kcmp.h). */
    public static final int KCMP_FILE = 0;

    // Unix domain sockets and SCM_RIGHTS (socket(7), unix(7), cmsg(3)): how dma-buf fds travel
    // between processes.
    public static final int AF_UNIX = 1;
    public static final int SOCK_SEQPACKET = 5;
    public static final int SOCK_CLOEXEC = 02000000;
    public static final int SOL_SOCKET = 1;
    public static final int SCM_RIGHTS = 1;
    public static final int MSG_CMSG_CLOEXEC = 0x40000000;
    public static final int MSG_NOSIGNAL = 0x4000;

    // x86_64 syscall numbers for the calls glibc 2.36 has no wrapper for (or that we want raw).
    public static final long __NR_kcmp = 312;
    public static final long __NR_pidfd_open = 434;
    public static final long __NR_pidfd_getfd = 438;

    private LinuxUapi() {
    }
}
