package dev.gemscope.backend.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.model.SourceRead;
import dev.gemscope.backend.model.VisibilityReport;
import dev.gemscope.backend.snapshot.BuildInfo;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.snapshot.SnapshotFormatException;
import dev.gemscope.backend.source.ReadResult;
import dev.gemscope.backend.source.SystemRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a support bundle: a zip with {@code manifest.json} (first), {@code snapshot.json},
 * {@code kernel/version.txt}, {@code kernel/config.txt} and {@code visibility.txt}. Zip rather than
 * tar because the JDK reads and writes it without a dependency and a reader can check each entry's
 * size before inflating it.
 *
 * <p>With redaction the snapshot's names are replaced by pseudonyms ({@link Redactor}); the mapping
 * is written to {@code FILE.mapping.json}, created with mode 0600, never into the zip.
 */
public final class BundleWriter {

    /** Written next to the bundle: {@code <bundle file name>} + this suffix. */
    public static final String MAPPING_SUFFIX = ".mapping.json";

    private final ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final SnapshotCodec codec = new SnapshotCodec();

    /**
     * @param file the bundle written
     * @param mappingFile the pseudonym mapping (redacted bundles only), else null
     * @param entries what went into the bundle
     */
    public record Result(Path file, Path mappingFile, List<Bundle.Entry> entries) {
    }

    /**
     * @param file where to write the zip (replaced when it exists)
     * @param snapshot what was collected
     * @param root the system it was collected from (for the kernel version and config, and user names)
     * @param redact replace names by pseudonyms
     */
    public Result write(Path file, Snapshot snapshot, SystemRoot root, boolean redact) throws IOException {
        Redactor redactor = redact ? new Redactor(userNames(root)) : null;
        Snapshot shown = redactor == null ? snapshot : redacted(snapshot, redactor);

        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(Bundle.SNAPSHOT, codec.toJson(shown));
        texts.put(Bundle.KERNEL_VERSION, kernelVersion(root, snapshot.kernelRelease(), redactor));
        texts.put(Bundle.KERNEL_CONFIG, kernelConfig(root, snapshot.kernelRelease()));
        texts.put(Bundle.VISIBILITY, visibility(shown));

        List<Bundle.Entry> entries = new ArrayList<>();
        Map<String, String> contents = Map.of(Bundle.SNAPSHOT, "the snapshot (gemscope-snapshot JSON)",
                Bundle.KERNEL_VERSION, "uname -r and /proc/version",
                Bundle.KERNEL_CONFIG, "the kernel config lines that decide what gemscope can see",
                Bundle.VISIBILITY, "what could not be seen and why, and every kernel source read");
        texts.forEach((name, text) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            entries.add(new Bundle.Entry(name, bytes.length, sha256(bytes), contents.get(name)));
        });
        Bundle.Manifest manifest = new Bundle.Manifest(Bundle.FORMAT, Bundle.FORMAT_VERSION, BuildInfo.writtenBy(),
                Instant.now().toString(), shown.host(), snapshot.kernelRelease(), redact,
                redact ? "process names, command lines, user names, the host name, DRM client names and dma-buf names"
                        + " are replaced by consistent pseudonyms (process-N, cmdline-N, user-N, host-N, client-N,"
                        + " buffer-N); the mapping stayed on the collecting machine and is not in this bundle" : null,
                entries);

        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".gemscope-bundle-", ".tmp");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                long time = parseTime(snapshot.capturedAt());
                put(zip, Bundle.MANIFEST, mapper.writeValueAsBytes(manifest), time);
                for (Map.Entry<String, String> t : texts.entrySet()) {
                    put(zip, t.getKey(), t.getValue().getBytes(StandardCharsets.UTF_8), time);
                }
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Path mapping = null;
        if (redactor != null) {
            mapping = target.resolveSibling(target.getFileName() + MAPPING_SUFFIX);
            writePrivate(mapping, mappingJson(target, redactor));
        }
        return new Result(target, mapping, entries);
    }

    private Snapshot redacted(Snapshot snapshot, Redactor redactor) throws IOException {
        ObjectNode tree = (ObjectNode) mapper.readTree(codec.toJsonLine(snapshot));
        redactor.redact(tree);
        try {
            return codec.fromJson(mapper.writeValueAsString(tree), "redacted snapshot");
        } catch (SnapshotFormatException e) {
            throw new IllegalStateException("redaction produced an unreadable snapshot", e);
        }
    }

    /** Regular accounts start here (Debian's UID_MIN); below are system accounts such as root, not personal. */
    static final int FIRST_REGULAR_UID = 1000;
    private static final int NOBODY = 65534;

    /**
     * uid → user name of the regular accounts in the collected system's /etc/passwd (a captured tree
     * may carry one). System accounts are left out: "root" is no secret, and replacing it would turn
     * "run as root" in the visibility remedies into nonsense.
     */
    static Map<Integer, String> userNames(SystemRoot root) {
        Map<Integer, String> names = new HashMap<>();
        ReadResult passwd = root.read("/etc/passwd", 4L * 1024 * 1024);
        if (passwd.ok()) {
            for (String line : passwd.text().split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length >= 3 && !f[0].isEmpty() && f[2].matches("\\d{1,9}")) {
                    int uid = Integer.parseInt(f[2]);
                    if (uid >= FIRST_REGULAR_UID && uid != NOBODY) {
                        names.putIfAbsent(uid, f[0]);
                    }
                }
            }
        }
        return names;
    }

    private static String kernelVersion(SystemRoot root, String release, Redactor redactor) {
        ReadResult version = root.read("/proc/version");
        String text = version.ok() ? version.text().strip()
                : "not readable (" + version.status() + (version.detail().isEmpty() ? "" : ": " + version.detail()) + ")";
        if (redactor != null && version.ok()) {
            // "(builder@buildhost)" names whoever compiled the kernel: on a self-built kernel, the user.
            text = redactor.redactText(text.replaceAll("\\([^()\\s]+@[^()\\s]+\\)", "(redacted@redacted)"));
        }
        return "uname -r: " + release + "\n/proc/version: " + text + "\n";
    }

    private static String kernelConfig(SystemRoot root, String release) {
        KernelConfig.Result config = KernelConfig.read(root, release);
        StringBuilder out = new StringBuilder();
        if (config.source() == null) {
            out.append("# no kernel config readable: ").append(config.note()).append('\n');
        } else {
            out.append("# from ").append(config.source()).append(", options matching ")
                    .append(String.join(" ", KernelConfig.PREFIXES)).append('\n');
            config.lines().forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    static String visibility(Snapshot s) {
        VisibilityReport v = s.visibility();
        StringBuilder out = new StringBuilder();
        out.append(String.format("visibility: %s — %d processes scanned, %d vanished, %d denied, %d fds vanished%n",
                v.complete() ? "complete" : "PARTIAL", v.processesScanned(), v.processesVanished(),
                v.processesDenied(), v.fdsVanished()));
        for (VisibilityReport.Issue issue : v.issues()) {
            out.append(String.format("  %s: %s not visible (%s)%s%n", issue.scope(), issue.missing(), issue.reason(),
                    issue.remedy().isEmpty() ? "" : " — " + issue.remedy()));
        }
        out.append(String.format("%nkernel sources read (%d):%n", s.sources().size()));
        for (SourceRead r : s.sources()) {
            out.append(String.format("  %-8s %s%s%s%n", r.status(), r.source(),
                    r.format().isEmpty() ? "" : " [" + r.format() + "]", r.detail().isEmpty() ? "" : " — " + r.detail()));
        }
        out.append(String.format("%n%d kernel lines were not understood (\"warnings\" in snapshot.json)%n",
                s.warnings().size()));
        return out.toString();
    }

    private String mappingJson(Path bundle, Redactor redactor) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "gemscope-bundle-mapping");
        doc.put("bundle", bundle.getFileName().toString());
        doc.put("note", "Pseudonym -> original names for that bundle. Keep this file on this machine; never send it.");
        Map<String, Map<String, String>> byCategory = new LinkedHashMap<>();
        redactor.pseudonyms().mapping().forEach((c, m) -> byCategory.put(c.prefix(), new java.util.TreeMap<>(m)));
        doc.put("pseudonyms", byCategory);
        return mapper.writeValueAsString(doc) + "\n";
    }

    /** Creates the file with mode 0600 from the start (no moment where others could read it). */
    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            throw new IOException(file.getParent() + " does not support Unix permissions; the pseudonym mapping"
                    + " must be private (0600): write the bundle to another directory");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, long time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(time);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long parseTime(String iso) {
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (RuntimeException e) {
            return System.currentTimeMillis();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

}
