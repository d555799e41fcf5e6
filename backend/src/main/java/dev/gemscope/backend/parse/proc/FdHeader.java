package dev.gemscope.backend.parse.proc;

import java.util.OptionalLong;

/**
 * The generic part of {@code /proc/PID/fdinfo/FD} that every open file has, printed by
 * {@code fs/proc/fd.c: seq_show()} before the file type's own lines.
 *
 * @param era which header lines were present
 * @param pos file position ({@code %lli})
 * @param flags open flags ({@code 0%o}), with O_CLOEXEC added when the fd is close-on-exec
 * @param mntId mount id ({@code %i}, 3.15+)
 * @param ino inode number ({@code %lu}, 5.14+; {@code %llu} in 7.x). Values above
 *     {@code Long.MAX_VALUE} are kept as their bit pattern: print with {@link Long#toUnsignedString(long)}
 * @param lockLines how many {@code lock:} lines ({@code show_fd_locks}) were skipped
 */
public record FdHeader(HeaderEra era, OptionalLong pos, OptionalLong flags, OptionalLong mntId,
        OptionalLong ino, int lockLines) {

    /**
     * O_CLOEXEC as the asm-generic and x86 headers define it (also arm, arm64, riscv); alpha,
     * parisc and sparc use other values, which gemscope does not target.
     */
    public static final long O_CLOEXEC = 02000000L;

    private static final long O_ACCMODE = 03L;

    /** Which generic header lines the kernel printed, as told by the text itself. */
    public enum HeaderEra {
        /** Neither {@code pos:} nor {@code flags:} was found. */
        UNKNOWN,
        /** {@code pos}, {@code flags}: kernels 2.6.22 – 3.14. */
        POS_FLAGS,
        /** adds {@code mnt_id}: kernels 3.15 – 5.13. */
        MNT_ID,
        /** adds {@code ino}: kernels 5.14+ ({@code %llu}, so up to 64-bit, in 7.x). */
        INO
    }

    /** The O_ACCMODE part of {@link #flags}. */
    public enum AccessMode {
        READ_ONLY,
        WRITE_ONLY,
        READ_WRITE,
        /** Access mode 3: no read or write, ioctl only (a few drivers open files this way). */
        IOCTL_ONLY,
        /** No readable {@code flags:} line. */
        UNKNOWN
    }

    /** True when the fd is close-on-exec; false also when flags are unknown. */
    public boolean cloexec() {
        return flags.isPresent() && (flags.getAsLong() & O_CLOEXEC) != 0;
    }

    /** Read/write access of the open file. */
    public AccessMode accessMode() {
        if (flags.isEmpty()) {
            return AccessMode.UNKNOWN;
        }
        return switch ((int) (flags.getAsLong() & O_ACCMODE)) {
            case 0 -> AccessMode.READ_ONLY;
            case 1 -> AccessMode.WRITE_ONLY;
            case 2 -> AccessMode.READ_WRITE;
            default -> AccessMode.IOCTL_ONLY;
        };
    }
}
