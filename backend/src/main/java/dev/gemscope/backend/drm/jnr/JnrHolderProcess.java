package dev.gemscope.backend.drm.jnr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.HolderProcess;
import dev.gemscope.backend.drm.LinuxUapi;
import jnr.ffi.Pointer;

/**
 * {@link HolderProcess} through glibc's posix_spawn (a vfork-style clone: safe from a
 * multi-threaded JVM, unlike fork).
 *
 * <p>The inherited set is exact: the JVM opens many files without O_CLOEXEC, so the file actions
 * end with close-from. Sources are first duplicated (close-on-exec) above the target range, so a
 * source numbered 3..3+n-1 cannot be overwritten by an earlier dup2 before its own turn.
 */
final class JnrHolderProcess implements HolderProcess {

    /** {@code sizeof(posix_spawn_file_actions_t)} is 80 on glibc x86_64; the init call writes only that. */
    private static final int FILE_ACTIONS_BYTES = 256;
    private static final int FIRST_FD = 3;
    private static final int SIGKILL = 9;
    private static final int O_WRONLY = 01;

    private final int pid;
    private final List<Integer> fds;
    private boolean reaped;

    private JnrHolderProcess(int pid, List<Integer> fds) {
        this.pid = pid;
        this.fds = List.copyOf(fds);
    }

    static JnrHolderProcess spawn(List<Integer> sources, List<String> argv) throws DrmException {
        if (argv.isEmpty() || !argv.get(0).startsWith("/")) {
            throw new IllegalArgumentException("argv[0] must be an absolute path: " + argv);
        }
        int n = sources.size();
        List<Integer> copies = new ArrayList<>();
        Native.LibC c = Native.libc();
        Pointer fa = Native.allocate(FILE_ACTIONS_BYTES);
        check(c.posix_spawn_file_actions_init(fa), "posix_spawn_file_actions_init");
        try {
            for (int src : sources) {
                copies.add(Native.fcntl(src, LinuxUapi.F_DUPFD_CLOEXEC, FIRST_FD + n, "fcntl(F_DUPFD_CLOEXEC)",
                        "fd " + src));
            }
            check(c.posix_spawn_file_actions_addopen(fa, 0, "/dev/null", LinuxUapi.O_RDONLY, 0), "addopen");
            check(c.posix_spawn_file_actions_addopen(fa, 1, "/dev/null", O_WRONLY, 0), "addopen");
            List<Integer> targets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // dup2 to another number clears close-on-exec on the new descriptor
                check(c.posix_spawn_file_actions_adddup2(fa, copies.get(i), FIRST_FD + i), "adddup2");
                targets.add(FIRST_FD + i);
            }
            check(c.posix_spawn_file_actions_addclosefrom_np(fa, FIRST_FD + n), "addclosefrom_np");
            List<Pointer> keep = new ArrayList<>();
            Pointer args = Native.allocate(8L * (argv.size() + 1));
            for (int i = 0; i < argv.size(); i++) {
                byte[] b = argv.get(i).getBytes(StandardCharsets.UTF_8);
                Pointer p = Native.allocate(b.length + 1L);
                p.put(0, b, 0, b.length);
                keep.add(p);
                args.putPointer(8L * i, p);
            }
            Pointer env = Native.allocate(8);
            Pointer pidOut = Native.allocate(4);
            check(c.posix_spawn(pidOut, argv.get(0), fa, null, args, env), "posix_spawn " + argv.get(0));
            java.lang.ref.Reference.reachabilityFence(keep);
            return new JnrHolderProcess(pidOut.getInt(0), targets);
        } finally {
            c.posix_spawn_file_actions_destroy(fa);
            copies.forEach(Native::close);
        }
    }

    private static void check(int rc, String call) throws DrmException {
        if (rc != 0) {
            throw new DrmException(call, "holder process", rc);
        }
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public List<Integer> fds() {
        return fds;
    }

    @Override
    public synchronized void close() {
        if (reaped) {
            return;
        }
        Native.libc().kill(pid, SIGKILL);
        Pointer status = Native.allocate(4);
        while (Native.libc().waitpid(pid, status, 0) < 0 && Native.errno() == 4) {
            // EINTR: wait again
        }
        reaped = true;
    }

    @Override
    public String toString() {
        return "holder pid " + pid + " fds " + fds;
    }
}
