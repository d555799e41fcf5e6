package dev.gemscope.backend.drm;

/**
 * The Linux ioctl number encoding ({@code include/uapi/asm-generic/ioctl.h}, which x86_64 uses
 * unchanged): {@code dir << 30 | size << 16 | type << 8 | nr}, with 2 direction bits, 14 size bits,
 * 8 type bits and 8 number bits.
 *
 * <p>Numbers are carried in a {@code long} masked to 32 bits: in C the result is an {@code unsigned
 * int}, and a Java {@code int} would turn every {@code _IOR}/{@code _IOWR} number negative. Decoding
 * works on any number, so a tracer can describe ioctls gemscope does not know
 * ({@link #describe(long)}).
 */
public final class Ioc {

    /** {@code _IOC_NONE}: no data. */
    public static final int NONE = 0;
    /** {@code _IOC_WRITE}: user space writes, the kernel reads ({@code _IOW}). */
    public static final int WRITE = 1;
    /** {@code _IOC_READ}: the kernel writes, user space reads ({@code _IOR}). */
    public static final int READ = 2;

    /** {@code DRM_IOCTL_BASE} in {@code drm.h}. */
    public static final int DRM_TYPE = 'd';
    /** {@code DRM_COMMAND_BASE}: driver-private ioctls start here ({@code drm.h}). */
    public static final int DRM_COMMAND_BASE = 0x40;
    /** {@code DMA_BUF_BASE} in {@code linux/dma-buf.h}. */
    public static final int DMA_BUF_TYPE = 'b';
    /** {@code _IOW('u', 0x42, …)} in {@code linux/udmabuf.h}. */
    public static final int UDMABUF_TYPE = 'u';
    /** {@code DMA_HEAP_IOC_MAGIC} in {@code linux/dma-heap.h}. */
    public static final int DMA_HEAP_TYPE = 'H';

    private static final int NR_BITS = 8;
    private static final int TYPE_BITS = 8;
    private static final int SIZE_BITS = 14;
    private static final int NR_SHIFT = 0;
    private static final int TYPE_SHIFT = NR_SHIFT + NR_BITS;
    private static final int SIZE_SHIFT = TYPE_SHIFT + TYPE_BITS;
    private static final int DIR_SHIFT = SIZE_SHIFT + SIZE_BITS;
    private static final long MASK32 = 0xFFFF_FFFFL;

    private Ioc() {
    }

    /**
     * {@code _IOC(dir, type, nr, size)}. Unlike the C macro, out-of-range fields are rejected
     * rather than silently spilling into the neighbouring bits.
     */
    public static long ioc(int dir, int type, int nr, int size) {
        check("dir", dir, 2);
        check("type", type, TYPE_BITS);
        check("nr", nr, NR_BITS);
        check("size", size, SIZE_BITS);
        return (((long) dir << DIR_SHIFT) | ((long) size << SIZE_SHIFT) | ((long) type << TYPE_SHIFT)
                | ((long) nr << NR_SHIFT)) & MASK32;
    }

    /** {@code _IO(type, nr)}. */
    public static long io(int type, int nr) {
        return ioc(NONE, type, nr, 0);
    }

    /** {@code _IOR(type, nr, T)} with {@code size = sizeof(T)}. */
    public static long ior(int type, int nr, int size) {
        return ioc(READ, type, nr, size);
    }

    /** {@code _IOW(type, nr, T)}. */
    public static long iow(int type, int nr, int size) {
        return ioc(WRITE, type, nr, size);
    }

    /** {@code _IOWR(type, nr, T)}. */
    public static long iowr(int type, int nr, int size) {
        return ioc(READ | WRITE, type, nr, size);
    }

    /** {@code _IOC_DIR(number)}: {@link #NONE}, {@link #WRITE}, {@link #READ} or both. */
    public static int dir(long number) {
        return (int) ((number & MASK32) >>> DIR_SHIFT) & 0x3;
    }

    /** {@code _IOC_TYPE(number)}, e.g. {@code 'd'} for DRM. */
    public static int type(long number) {
        return (int) ((number >>> TYPE_SHIFT) & ((1 << TYPE_BITS) - 1));
    }

    /** {@code _IOC_NR(number)}. */
    public static int nr(long number) {
        return (int) ((number >>> NR_SHIFT) & ((1 << NR_BITS) - 1));
    }

    /** {@code _IOC_SIZE(number)}: the argument size the caller declared. */
    public static int size(long number) {
        return (int) ((number >>> SIZE_SHIFT) & ((1 << SIZE_BITS) - 1));
    }

    /** The four fields of a number. */
    public record Decoded(int dir, int type, int nr, int size) {

        /** The macro that would produce this number, e.g. {@code _IOWR('d', 0x00, 64)}. */
        @Override
        public String toString() {
            String macro = switch (dir) {
                case NONE -> "_IO";
                case WRITE -> "_IOW";
                case READ -> "_IOR";
                default -> "_IOWR";
            };
            String t = type >= 0x20 && type < 0x7f && type != '\'' && type != '\\'
                    ? "'" + (char) type + "'" : String.format("0x%02x", type);
            return dir == NONE ? String.format("%s(%s, 0x%02x)", macro, t, nr)
                    : String.format("%s(%s, 0x%02x, %d)", macro, t, nr, size);
        }
    }

    /** Splits a number into its fields; bits above 32 are ignored. */
    public static Decoded decode(long number) {
        return new Decoded(dir(number), type(number), nr(number), size(number));
    }

    /**
     * A readable name: the known ioctl's macro name if there is one ({@link KnownIoctl}), else the
     * decoded macro, with the DRM driver-private range marked ({@code nr >= DRM_COMMAND_BASE}).
     */
    public static String describe(long number) {
        long n = number & MASK32;
        return KnownIoctl.byNumber(n).map(Enum::name).orElseGet(() -> {
            Decoded d = decode(n);
            String s = String.format("0x%08x %s", n, d);
            if (d.type() == DRM_TYPE) {
                s += d.nr() >= DRM_COMMAND_BASE && d.nr() < 0xa0
                        ? String.format(" (DRM driver ioctl 0x%02x)", d.nr() - DRM_COMMAND_BASE)
                        : " (DRM core ioctl)";
            }
            return s;
        });
    }

    private static void check(String what, int value, int bits) {
        if (value < 0 || value >= (1 << bits)) {
            throw new IllegalArgumentException(what + " out of range for the ioctl encoding: " + value);
        }
    }
}
