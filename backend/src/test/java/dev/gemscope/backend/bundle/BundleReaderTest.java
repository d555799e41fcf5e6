package dev.gemscope.backend.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.collect.Collector;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotFormatException;
import dev.gemscope.backend.source.SystemRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles from anyone: every bound of the reader gives a one-line reason, never a stack trace. */
class BundleReaderTest {

    @TempDir
    Path dir;
    Path good;
    Map<String, byte[]> entries = new LinkedHashMap<>();

    @BeforeEach
    void writeGoodBundle() throws Exception {
        Path root = RedactedBundleTest.FIXTURES.resolve("6.1-vgem-virtio/root");
        Snapshot s = new Collector(SystemRoot.at(root)).collect();
        good = dir.resolve("good.zip");
        new BundleWriter().write(good, s, SystemRoot.at(root), false);
        try (ZipFile z = new ZipFile(good.toFile())) {
            for (var e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                entries.put(entry.getName(), z.getInputStream(entry).readAllBytes());
            }
        }
    }

    @Test
    void manifestComesFirstAndListsEveryOtherEntry() throws Exception {
        try (ZipFile z = new ZipFile(good.toFile())) {
            assertEquals(Bundle.MANIFEST, z.entries().nextElement().getName());
        }
        Bundle b = new BundleReader().read(good);
        assertEquals(4, b.manifest().entries().size());
        assertEquals(Bundle.FORMAT, b.manifest().format());
        assertTrue(SnapshotFiles.isBundle(good));
        assertEquals(b.snapshot(), SnapshotFiles.read(good));
    }

    @Test
    void zipSlipNamesAreRefused() throws Exception {
        entries.put("../../etc/cron.d/evil", "x".getBytes(StandardCharsets.UTF_8));
        String m = fail(zip(entries));
        assertTrue(m.contains("not a plain relative path"), m);
        entries.remove("../../etc/cron.d/evil");
        entries.put("/etc/evil", "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(fail(zip(entries)).contains("not a plain relative path"));
    }

    @Test
    void anEntryThatInflatesBeyondItsLimitIsRefused() throws Exception {
        entries.put(Bundle.VISIBILITY, new byte[(int) BundleReader.MAX_TEXT_BYTES + 10]);
        String m = fail(zip(entries));
        assertTrue(m.contains("inflates to more than"), m);
    }

    @Test
    void aSuspiciousCompressionRatioIsRefused() throws Exception {
        entries.put("kernel/extra.txt", new byte[4 * 1024 * 1024]);
        String m = fail(zip(entries));
        assertTrue(m.contains("zip bomb"), m);
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        for (int i = 0; i < BundleReader.MAX_ENTRIES; i++) {
            entries.put("extra/" + i, new byte[1]);
        }
        assertTrue(fail(zip(entries)).contains("entries; a gemscope bundle has at most"));
    }

    @Test
    void anEditedEntryFailsItsChecksum() throws Exception {
        entries.put(Bundle.VISIBILITY, "visibility: complete (edited)".getBytes(StandardCharsets.UTF_8));
        assertTrue(fail(zip(entries)).contains("does not match its checksum"));
    }

    @Test
    void aZipWithoutManifestIsNotABundle() throws Exception {
        entries.remove(Bundle.MANIFEST);
        assertTrue(fail(zip(entries)).contains("not a gemscope bundle (no manifest.json)"));
    }

    @Test
    void aNewerBundleVersionIsNamed() throws Exception {
        String manifest = new String(entries.get(Bundle.MANIFEST), StandardCharsets.UTF_8)
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 9");
        entries.put(Bundle.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
        assertTrue(fail(zip(entries)).contains("bundle formatVersion 9 is not supported"));
    }

    @Test
    void truncatedZipGivesAClearMessage() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String m = fail(cut);
        assertTrue(m.contains("not a readable zip file"), m);
        assertTrue(SnapshotFiles.isBundle(cut), "still sniffed as a zip, then refused");
    }

    @Test
    void plainSnapshotFilesAreNotBundles() throws Exception {
        Path json = dir.resolve("s.json");
        Files.write(json, entries.get(Bundle.SNAPSHOT));
        assertFalse(SnapshotFiles.isBundle(json));
        assertEquals(new BundleReader().read(good).snapshot(), SnapshotFiles.read(json));
    }

    private String fail(Path zip) {
        return assertThrows(SnapshotFormatException.class, () -> SnapshotFiles.read(zip)).getMessage();
    }

    private Path zip(Map<String, byte[]> content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : content.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Path p = dir.resolve("crafted-" + System.nanoTime() + ".zip");
        Files.write(p, bytes.toByteArray());
        return p;
    }
}
