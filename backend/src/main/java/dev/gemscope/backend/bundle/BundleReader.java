package dev.gemscope.backend.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.snapshot.SnapshotFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a support bundle defensively, as it may come from anyone: the file size, the number of
 * entries, each entry's name (no absolute paths, no {@code ..}, no duplicates: nothing is ever
 * extracted, but a name that tries is a sign of a crafted file), each entry's inflated size
 * (counted while reading, not taken from the header) and its compression ratio (zip bombs) are
 * bounded; the manifest's format and version are checked and each entry's SHA-256 must match it.
 */
public final class BundleReader {

    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    public static final int MAX_ENTRIES = 64;
    /** Entries other than the snapshot are small text. */
    static final long MAX_TEXT_BYTES = 16L * 1024 * 1024;
    /** Deflate reaches ~1000:1 only on degenerate input; JSON compresses ~10-30:1. */
    static final long MAX_RATIO = 200;

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final long maxSnapshotBytes;

    public BundleReader() {
        this(SnapshotCodec.DEFAULT_MAX_BYTES);
    }

    public BundleReader(long maxSnapshotBytes) {
        this.maxSnapshotBytes = maxSnapshotBytes;
    }

    public Bundle read(Path file) throws SnapshotFormatException {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new SnapshotFormatException(name + ": " + size + " bytes is larger than the " + MAX_FILE_BYTES
                        + "-byte limit for support bundles");
            }
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Map<String, byte[]> entries = entries(zip, name);
                return bundle(entries, name);
            }
        } catch (NoSuchFileException e) {
            throw new SnapshotFormatException(name + ": no such file");
        } catch (ZipException e) {
            throw new SnapshotFormatException(name + ": not a readable zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new SnapshotFormatException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private Map<String, byte[]> entries(ZipFile zip, String name) throws IOException, SnapshotFormatException {
        if (zip.size() > MAX_ENTRIES) {
            throw new SnapshotFormatException(name + ": " + zip.size() + " entries; a gemscope bundle has at most "
                    + MAX_ENTRIES);
        }
        Map<String, byte[]> out = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            String entryName = entry.getName();
            if (entry.isDirectory()) {
                continue;
            }
            if (!SAFE_NAME.matcher(entryName).matches() || entryName.contains("..")) {
                throw new SnapshotFormatException(name + ": entry name '" + printable(entryName)
                        + "' is not a plain relative path; refusing a crafted bundle");
            }
            if (!seen.add(entryName)) {
                throw new SnapshotFormatException(name + ": entry '" + entryName + "' appears twice");
            }
            long limit = entryName.equals(Bundle.SNAPSHOT) ? maxSnapshotBytes : MAX_TEXT_BYTES;
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            }
            if (bytes.length > limit) {
                throw new SnapshotFormatException(name + ": entry '" + entryName + "' inflates to more than "
                        + limit + " bytes");
            }
            long compressed = Math.max(entry.getCompressedSize(), 1);
            if (bytes.length > 1024 * 1024 && bytes.length / compressed > MAX_RATIO) {
                throw new SnapshotFormatException(name + ": entry '" + entryName + "' has a compression ratio of "
                        + bytes.length / compressed + ":1; refusing a likely zip bomb");
            }
            total += bytes.length;
            if (total > MAX_FILE_BYTES) {
                throw new SnapshotFormatException(name + ": entries inflate to more than " + MAX_FILE_BYTES + " bytes");
            }
            out.put(entryName, bytes);
        }
        return out;
    }

    private Bundle bundle(Map<String, byte[]> entries, String name) throws SnapshotFormatException {
        byte[] manifestBytes = entries.get(Bundle.MANIFEST);
        if (manifestBytes == null) {
            throw new SnapshotFormatException(name + ": a zip file, but not a gemscope bundle (no " + Bundle.MANIFEST + ")");
        }
        Bundle.Manifest manifest;
        try {
            manifest = mapper.readValue(manifestBytes, Bundle.Manifest.class);
        } catch (IOException e) {
            throw new SnapshotFormatException(name + ": " + Bundle.MANIFEST + " is malformed: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (!Bundle.FORMAT.equals(manifest.format())) {
            throw new SnapshotFormatException(name + ": not a gemscope bundle (format is '" + manifest.format() + "')");
        }
        if (manifest.formatVersion() < 1 || manifest.formatVersion() > Bundle.FORMAT_VERSION) {
            throw new SnapshotFormatException(name + ": bundle formatVersion " + manifest.formatVersion()
                    + " is not supported (this gemscope reads version " + Bundle.FORMAT_VERSION + "; written by "
                    + manifest.writtenBy() + ")");
        }
        for (Bundle.Entry listed : manifest.entries()) {
            byte[] bytes = entries.get(listed.name());
            if (bytes == null) {
                throw new SnapshotFormatException(name + ": the manifest lists '" + listed.name() + "' but the bundle lacks it");
            }
            if (!BundleWriter.sha256(bytes).equals(listed.sha256())) {
                throw new SnapshotFormatException(name + ": '" + listed.name()
                        + "' does not match its checksum in the manifest (damaged or edited)");
            }
        }
        byte[] snapshotBytes = entries.get(Bundle.SNAPSHOT);
        if (snapshotBytes == null) {
            throw new SnapshotFormatException(name + ": the bundle has no " + Bundle.SNAPSHOT);
        }
        Snapshot snapshot = new SnapshotCodec(maxSnapshotBytes)
                .read(new ByteArrayInputStream(snapshotBytes), name + "!" + Bundle.SNAPSHOT);
        return new Bundle(manifest, snapshot, text(entries, Bundle.KERNEL_VERSION), text(entries, Bundle.KERNEL_CONFIG),
                text(entries, Bundle.VISIBILITY));
    }

    private static String text(Map<String, byte[]> entries, String name) {
        byte[] b = entries.get(name);
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    private static String printable(String s) {
        String p = s.replaceAll("[^\\x20-\\x7e]", "?");
        return p.length() > 80 ? p.substring(0, 80) + "…" : p;
    }
}
