package dev.gemscope.backend.bundle;

import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The kernel config lines that decide what gemscope can see, from {@code /boot/config-<release>} or
 * {@code /proc/config.gz} (whichever is readable first), with where they came from or why neither was.
 */
public final class KernelConfig {

    /** Option prefixes that matter: DRM drivers, dma-buf and its heaps/sysfs stats, debugfs, tracing, lockdown. */
    static final List<String> PREFIXES = List.of("CONFIG_DRM", "CONFIG_DMABUF", "CONFIG_DMA_SHARED_BUFFER",
            "CONFIG_UDMABUF", "CONFIG_SYNC_FILE", "CONFIG_SW_SYNC", "CONFIG_DEBUG_FS", "CONFIG_FTRACE",
            "CONFIG_TRACING", "CONFIG_EVENT_TRACING", "CONFIG_FUNCTION_TRACER", "CONFIG_PROC_FS",
            "CONFIG_PROC_PID_ARCH_STATUS", "CONFIG_SECURITY_LOCKDOWN_LSM", "CONFIG_LOCK_DOWN_",
            "CONFIG_SECURITY_YAMA", "CONFIG_HSA_AMD", "CONFIG_VIDEO_", "CONFIG_VIRTIO_GPU");

    /** A decompressed config is ~250 KB; anything far larger is not a kernel config. */
    private static final int MAX_BYTES = 8 * 1024 * 1024;

    private KernelConfig() {
    }

    /**
     * @param source the file the lines came from, or null
     * @param lines the matching lines (both {@code CONFIG_X=y} and {@code # CONFIG_X is not set})
     * @param note why no config was read (each place tried, with its outcome), or empty
     */
    public record Result(String source, List<String> lines, String note) {
    }

    public static Result read(SystemRoot root, String release) {
        StringBuilder tried = new StringBuilder();
        if (release != null && !release.isBlank() && !release.contains("/")) {
            String boot = "/boot/config-" + release;
            ReadResult r = root.read(boot, MAX_BYTES);
            if (r.ok()) {
                return new Result(boot, filter(r.text()), "");
            }
            tried.append(boot).append(": ").append(r.status()).append("; ");
        }
        Path gz = root.resolve("/proc/config.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            byte[] bytes = in.readNBytes(MAX_BYTES);
            return new Result("/proc/config.gz", filter(new String(bytes, StandardCharsets.UTF_8)), "");
        } catch (IOException e) {
            tried.append("/proc/config.gz: ").append(e.getClass().getSimpleName()
                    .replace("NoSuchFileException", "MISSING (CONFIG_IKCONFIG_PROC not set)")
                    .replace("AccessDeniedException", "DENIED"));
        }
        return new Result(null, List.of(), tried.toString());
    }

    /** The lines of a config that concern gemscope. Package-private for testing. */
    static List<String> filter(String config) {
        return config.lines().map(String::strip).filter(KernelConfig::matters).toList();
    }

    private static boolean matters(String line) {
        String option = line.startsWith("# CONFIG_") && line.endsWith(" is not set") ? line.substring(2) : line;
        return PREFIXES.stream().anyMatch(option::startsWith);
    }
}
