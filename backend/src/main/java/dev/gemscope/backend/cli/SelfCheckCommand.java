package dev.gemscope.backend.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.gemscope.backend.drm.DrmException;
import dev.gemscope.backend.drm.DrmNative;
import dev.gemscope.backend.drm.LinuxUapi;
import dev.gemscope.backend.drm.MemFd;
import dev.gemscope.backend.drm.jnr.JnrDrmNative;
import dev.gemscope.backend.source.SystemRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gemscope self-check} (hidden): proves the native layer works in this installation. A
 * package whose jffi native library is missing or cannot load still collects from /proc and /sys,
 * and would only fail later in deep mode or the workload; the package smoke test runs this so such a
 * package fails its build. Needs no device: memfd_create, ftruncate and fcntl on an anonymous file.
 */
@Command(name = "self-check", hidden = true, mixinStandardHelpOptions = true,
        description = "Check that the native layer (jnr-ffi and jffi's native library) loads and makes system calls.")
final class SelfCheckCommand implements Callable<Integer> {

    static final int BROKEN = 3;
    private static final long SIZE = 4096;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            DrmNative drm = JnrDrmNative.load(SystemRoot.live());
            try (MemFd memfd = drm.memfd("gemscope-self-check", SIZE, LinuxUapi.MFD_ALLOW_SEALING)) {
                // Ask the kernel, not our own bookkeeping, that the calls took effect.
                long size = Files.size(Path.of("/proc/self/fd/" + memfd.fd()));
                if (size != SIZE) {
                    err.println("gemscope: self-check: memfd is " + size + " bytes, ftruncate asked for " + SIZE);
                    return BROKEN;
                }
                memfd.addSeals(LinuxUapi.F_SEAL_GROW);
                if ((memfd.seals() & LinuxUapi.F_SEAL_GROW) == 0) {
                    err.println("gemscope: self-check: F_SEAL_GROW was added but F_GET_SEALS does not report it");
                    return BROKEN;
                }
                out.println("native layer ok: libc loaded through jnr-ffi; memfd_create, ftruncate, fcntl seals work (fd "
                        + memfd.fd() + ", " + size + " bytes)");
                return ExitCodes.OK;
            }
        } catch (LinkageError | DrmException | IOException e) {
            err.println("gemscope: self-check: native layer unusable: " + describe(e));
            return BROKEN;
        }
    }

    /** The error and its causes on one line (a LinkageError from jffi carries the reason in a cause). */
    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (s.length() > 0) {
                s.append(" <- ");
            }
            s.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return s.toString();
    }
}
