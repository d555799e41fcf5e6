package dev.gemscope.backend.parse.dmabuf;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Names for the raw {@code flags} and {@code mode} columns of bufinfo (kernel-interfaces.md §1.2).
 *
 * <p>{@code flags} is the dma-buf file's {@code f_flags}, masked to {@code O_ACCMODE|O_NONBLOCK}
 * when the file is made ({@code anon_inode_getfile()} on 3.x, {@code dma_buf_getfile()} on 6.x).
 * {@code mode} is its {@code f_mode}; on 6.x/7.x {@code alloc_file_pseudo()} sets the access bits,
 * {@code FMODE_LSEEK} and {@code FMODE_OPENED}, so a read-only export shows {@code 00080005} and a
 * {@code DRM_RDWR} export {@code 00080007}. Bit values are x86_64, {@code include/linux/fs.h} as in
 * 5.10 and 7.3; bits without a name here are shown in hex.
 */
public final class DmaBufFileBits {

    /** x86_64 {@code O_NONBLOCK} ({@code 04000}). */
    public static final int O_NONBLOCK = 0x800;
    public static final int O_ACCMODE = 0x3;

    private static final int[] MODE_BITS = {
        0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x8000, 0x20000, 0x40000, 0x80000, 0x8000000,
    };
    private static final String[] MODE_NAMES = {
        "FMODE_READ", "FMODE_WRITE", "FMODE_LSEEK", "FMODE_PREAD", "FMODE_PWRITE", "FMODE_EXEC",
        "FMODE_ATOMIC_POS", "FMODE_CAN_READ", "FMODE_CAN_WRITE", "FMODE_OPENED", "FMODE_NOWAIT",
    };

    private DmaBufFileBits() {
    }

    /**
     * The open flags: always one of {@code O_RDONLY}, {@code O_WRONLY}, {@code O_RDWR} (or
     * {@code O_ACCMODE=3}), then {@code O_NONBLOCK} if set, then any other bits as one hex value.
     */
    public static Set<String> describeFlags(int flags) {
        Set<String> names = new LinkedHashSet<>();
        switch (flags & O_ACCMODE) {
            case 0 -> names.add("O_RDONLY");
            case 1 -> names.add("O_WRONLY");
            case 2 -> names.add("O_RDWR");
            default -> names.add("O_ACCMODE=3");
        }
        if ((flags & O_NONBLOCK) != 0) {
            names.add("O_NONBLOCK");
        }
        int rest = flags & ~(O_ACCMODE | O_NONBLOCK);
        if (rest != 0) {
            names.add(hex(rest));
        }
        return Collections.unmodifiableSet(names);
    }

    /** The {@code FMODE_*} bits set in {@code mode}, lowest first; unnamed bits as one hex value. */
    public static Set<String> describeMode(int mode) {
        Set<String> names = new LinkedHashSet<>();
        int rest = mode;
        for (int i = 0; i < MODE_BITS.length; i++) {
            if ((mode & MODE_BITS[i]) != 0) {
                names.add(MODE_NAMES[i]);
                rest &= ~MODE_BITS[i];
            }
        }
        if (rest != 0) {
            names.add(hex(rest));
        }
        return Collections.unmodifiableSet(names);
    }

    /** Whether the export was writable ({@code O_WRONLY} or {@code O_RDWR}, e.g. from {@code DRM_RDWR}). */
    public static boolean writable(int flags) {
        int access = flags & O_ACCMODE;
        return access == 1 || access == 2;
    }

    private static String hex(int bits) {
        return "0x" + Integer.toHexString(bits);
    }
}
