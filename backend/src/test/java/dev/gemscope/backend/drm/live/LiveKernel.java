package dev.gemscope.backend.drm.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.function.Executable;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmFile;
import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.DrmNode;
import dev.gemscope.backend.drm.Errno;
import dev.gemscope.backend.drm.OpenFds;
import dev.gemscope.backend.drm.jnr.JnrDrmNative;
import dev.gemscope.backend.parse.dmabuf.Bufinfo;
import dev.gemscope.backend.parse.dmabuf.BufinfoBuffer;
import dev.gemscope.backend.parse.dmabuf.BufinfoParser;
import dev.gemscope.backend.parse.drm.DrmNodeName;
import dev.gemscope.backend.parse.proc.DmaBufFdInfo;
import dev.gemscope.backend.parse.proc.FdInfo;
import dev.gemscope.backend.parse.proc.FdInfoParser;
import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;

/**
 * What the live tests share: the native layer, the running kernel's version, the two DRM devices
 * the bench provides (vgem, a platform/faux device; virtio_gpu, a PCI device), bufinfo and fdinfo
 * readers, and {@link #record} for the per-kernel report (everything printed starts with
 * {@code [live <major.minor>]}).
 */
final class LiveKernel {

    static final DrmNative DRM = JnrDrmNative.load(SystemRoot.live());
    static final Version VERSION = Version.running();

    private LiveKernel() {
    }

    /** The running kernel's {@code major.minor} from {@code uname -r} ({@code os.version}). */
    record Version(int major, int minor, String release) {

        static Version running() {
            String release = System.getProperty("os.version", "");
            Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(release);
            if (!m.find()) {
                throw new IllegalStateException("cannot read the kernel version from os.version=" + release);
            }
            return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), release);
        }

        boolean atLeast(int maj, int min) {
            return major > maj || (major == maj && minor >= min);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /** One line for the run's report. */
    static void record(String line) {
        System.out.println("[live " + VERSION + "] " + line);
    }

    /** Records that a feature is absent on this kernel, after the test asserted that it is. */
    static void notAvailable(String what) {
        record("NOT AVAILABLE on " + VERSION + ": " + what);
    }

    /**
     * A node of the given DRM driver and kind; fails (never skips) when the bench did not provide
     * it. The driver is asked with DRM_IOCTL_VERSION, because sysfs names the parent's driver
     * ({@code virtio-pci}, nothing for vgem), not the DRM one.
     */
    static synchronized DrmNode node(String driver, DrmNodeName.Kind kind) {
        return NODES.computeIfAbsent(driver + "/" + kind, k -> find(driver, kind));
    }

    private static final Map<String, DrmNode> NODES = new HashMap<>();

    private static DrmNode find(String driver, DrmNodeName.Kind kind) {
        List<DrmNode> nodes = DRM.devices().list();
        for (DrmNode n : nodes) {
            if (n.kind() != kind) {
                continue;
            }
            try (DrmFile f = DRM.devices().open(n)) {
                if (f.version().name().equals(driver)) {
                    return n;
                }
            } catch (DrmException e) {
                record("cannot identify " + n.path() + ": " + e.getMessage());
            }
        }
        return fail("no " + kind + " node of DRM driver " + driver + " on " + VERSION.release() + "; nodes: " + nodes);
    }

    static DrmNode vgemCard() {
        return node("vgem", DrmNodeName.Kind.PRIMARY);
    }

    static DrmNode vgemRender() {
        return node("vgem", DrmNodeName.Kind.RENDER);
    }

    static DrmNode virtioCard() {
        return node("virtio_gpu", DrmNodeName.Kind.PRIMARY);
    }

    static DrmNode virtioRender() {
        return node("virtio_gpu", DrmNodeName.Kind.RENDER);
    }

    /** Runs {@code call}, asserting it fails with {@code errno}; returns the exception. */
    static DrmException assertErrno(Errno errno, Executable call) {
        DrmException e = assertThrows(DrmException.class, call, "expected " + errno);
        assertTrue(e.is(errno), "expected " + errno + ", got: " + e.getMessage());
        record("as expected: " + e.getMessage());
        return e;
    }

    /** {@code /sys/kernel/debug/dma_buf/bufinfo}, parsed; the bench runs as root with debugfs mounted. */
    static Bufinfo bufinfo() {
        ReadResult r = SystemRoot.live().read(BufinfoParser.PATH);
        if (!r.ok()) {
            fail("bufinfo is not readable (" + r.status() + "): the live bench must run as root with debugfs"
                    + " mounted on /sys/kernel/debug");
        }
        return BufinfoParser.parse(r.text(), BufinfoParser.PATH);
    }

    /** The number of dma-bufs in the system, from bufinfo's totals line. */
    static long bufinfoObjects() {
        Bufinfo b = bufinfo();
        return b.totals().map(t -> t.objects()).orElse((long) b.buffers().size());
    }

    /** bufinfo's entry for the dma-buf behind one of our fds (by inode). */
    static BufinfoBuffer bufinfoEntry(int fd) {
        long ino = inode(fd);
        return bufinfo().byInode(ino).orElseGet(() -> fail("no bufinfo entry with ino " + ino));
    }

    static FdInfo fdinfo(int fd) {
        return FdInfoParser.parse(OpenFds.fdinfo(fd), "/proc/self/fdinfo/" + fd);
    }

    static DmaBufFdInfo dmaBufFdinfo(int fd) {
        return fdinfo(fd).dmaBuf().orElseGet(() -> fail("fd " + fd + " has no dma-buf fdinfo lines"));
    }

    /** The inode of a descriptor, from fdinfo's {@code ino:} (5.14+, so every bench kernel). */
    static long inode(int fd) {
        OptionalLong ino = fdinfo(fd).header().ino();
        assertTrue(ino.isPresent(), "fdinfo of fd " + fd + " has an ino: line on " + VERSION);
        return ino.getAsLong();
    }

    static void assertSameInode(int fd1, int fd2) {
        assertEquals(inode(fd1), inode(fd2), "fds " + fd1 + " and " + fd2 + " are the same dma-buf");
    }
}
