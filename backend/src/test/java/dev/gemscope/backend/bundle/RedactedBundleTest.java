package dev.gemscope.backend.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.collect.Collector;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.DrmClient;
import dev.gemscope.backend.model.ProcessInfo;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.source.SystemRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A redacted bundle built from the fixtures holds none of the original names: every byte of the
 * zip file and every inflated entry is searched for each of them.
 */
class RedactedBundleTest {

    static final Path FIXTURES = Path.of(System.getProperty("gemscope.repo", "..")).resolve("resources/fixtures");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"7.2-i915-vgem", "6.12-i915-regions", "6.1-vgem-virtio", "5.15-udmabuf-camera",
            "5.10-i915-vgem", "4.8-i915-legacy-lists", "3.10-i915-prime"})
    void noOriginalNameSurvivesAnywhereInTheBundle(String fixture) throws Exception {
        Path root = copyWithPasswd(FIXTURES.resolve(fixture).resolve("root"));
        Snapshot original = new Collector(SystemRoot.at(root)).collect();
        Set<String> names = originalNames(original);
        names.add("anna-user");
        assertTrue(names.size() > 3, "the fixture has names to hide: " + names);

        Path zip = dir.resolve("bundle.zip");
        BundleWriter.Result result = new BundleWriter().write(zip, original, SystemRoot.at(root), true);

        List<String> leaks = new ArrayList<>();
        byte[] raw = Files.readAllBytes(zip);
        for (String name : names) {
            if (contains(raw, name)) {
                leaks.add("'" + name + "' in the zip file's bytes");
            }
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream in = z.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                for (String name : names) {
                    if (contains(bytes, name) || entry.getName().contains(name)) {
                        leaks.add("'" + name + "' in entry " + entry.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), leaks, fixture);

        // The mapping: next to the bundle, private, and it has every name the bundle hides.
        assertEquals(zip.resolveSibling("bundle.zip" + BundleWriter.MAPPING_SUFFIX), result.mappingFile());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(result.mappingFile())));
        String mapping = Files.readString(result.mappingFile());
        for (String name : originalNames(original)) {
            assertTrue(mapping.contains(jsonEscaped(name)), "mapping lacks " + name);
        }
        boolean regularUserSeen = original.processes().stream().anyMatch(p -> Integer.valueOf(1000).equals(p.uid()))
                || original.clients().stream().anyMatch(c -> Integer.valueOf(1000).equals(c.uid()));
        assertEquals(regularUserSeen, mapping.contains("anna-user"), "user names of the uids seen are in the mapping");
    }

    @Test
    void pseudonymsAreConsistentAcrossTheSnapshot() throws Exception {
        Path root = copyWithPasswd(FIXTURES.resolve("7.2-i915-vgem/root"));
        Snapshot original = new Collector(SystemRoot.at(root)).collect();
        Path zip = dir.resolve("b.zip");
        new BundleWriter().write(zip, original, SystemRoot.at(root), true);
        Bundle bundle = new BundleReader().read(zip);
        Snapshot redacted = bundle.snapshot();
        assertTrue(bundle.manifest().redacted());

        // The same process is the same pseudonym as a process, as a DRM client and in the totals.
        for (ProcessInfo p : redacted.processes()) {
            assertTrue(p.comm().startsWith("process-"), p.comm());
            for (DrmClient c : redacted.clients()) {
                if (c.pid() == p.pid()) {
                    assertEquals(p.comm(), c.comm(), "client of pid " + p.pid());
                }
            }
            redacted.totals().perProcess().stream().filter(u -> u.pid() == p.pid())
                    .forEach(u -> assertEquals(p.comm(), u.comm()));
        }
        // Different processes with different names get different pseudonyms.
        assertEquals(original.processes().stream().map(ProcessInfo::comm).distinct().count(),
                redacted.processes().stream().map(ProcessInfo::comm).distinct().count());
        assertEquals("client-1", redacted.clients().stream().filter(c -> c.clientName() != null)
                .findFirst().orElseThrow().clientName());
        assertTrue(redacted.host().startsWith("host-"));
        // Everything that is not a name survives: the structure a support engineer needs.
        assertEquals(original.dmaBufs().stream().map(DmaBuf::key).toList(),
                redacted.dmaBufs().stream().map(DmaBuf::key).toList());
        assertEquals(original.holders().size(), redacted.holders().size());
        assertEquals(original.gemObjects(), redacted.gemObjects());
        assertEquals(original.totals().dmaBufBytes(), redacted.totals().dmaBufBytes());
    }

    @Test
    void namedBuffersAndTheirFdLinksAreReplaced() throws Exception {
        Path root = copyWithPasswd(FIXTURES.resolve("5.10-i915-vgem/root"));
        Snapshot original = new Collector(SystemRoot.at(root)).collect();
        assertTrue(original.dmaBufs().stream().anyMatch(b -> "cam frame 0".equals(b.name())), "fixture changed?");
        Path zip = dir.resolve("b.zip");
        new BundleWriter().write(zip, original, SystemRoot.at(root), true);
        Snapshot redacted = new BundleReader().read(zip).snapshot();
        assertTrue(redacted.dmaBufs().stream().anyMatch(b -> "buffer-1".equals(b.name())));
        assertTrue(redacted.holders().stream().anyMatch(h -> h.target().equals("/dmabuf:buffer-1")),
                "the fd link of the named buffer carries the same pseudonym");
    }

    @Test
    void unredactedBundleKeepsNamesAndWritesNoMapping() throws Exception {
        Path root = FIXTURES.resolve("7.2-i915-vgem/root");
        Snapshot original = new Collector(SystemRoot.at(root)).collect();
        Path zip = dir.resolve("plain.zip");
        BundleWriter.Result result = new BundleWriter().write(zip, original, SystemRoot.at(root), false);
        assertEquals(null, result.mappingFile());
        assertFalse(Files.exists(dir.resolve("plain.zip" + BundleWriter.MAPPING_SUFFIX)));
        Bundle bundle = new BundleReader().read(zip);
        assertEquals(original, bundle.snapshot());
        assertFalse(bundle.manifest().redacted());
        assertTrue(bundle.kernelVersion().startsWith("uname -r: 7.2.13-arch1-1\n"), bundle.kernelVersion());
        assertTrue(bundle.visibility().startsWith("visibility: complete"), bundle.visibility());
        assertNotEquals("", bundle.kernelConfig());
    }

    /** A copy of the tree with an /etc/passwd naming the regular uids (fixtures have none). */
    private Path copyWithPasswd(Path fixtureRoot) throws IOException {
        Path copy = dir.resolve("root");
        try (Stream<Path> walk = Files.walk(fixtureRoot)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(fixtureRoot.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        Files.createDirectories(copy.resolve("etc"));
        Files.writeString(copy.resolve("etc/passwd"), """
                root:x:0:0:root:/root:/bin/bash
                daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
                anna-user:x:1000:1000:Anna,,,:/home/anna-user:/bin/bash
                nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
                """);
        return copy;
    }

    static Set<String> originalNames(Snapshot s) {
        Set<String> names = new LinkedHashSet<>();
        s.processes().forEach(p -> {
            names.add(p.comm());
            names.add(p.cmdline());
        });
        s.clients().forEach(c -> {
            names.add(c.comm());
            names.add(c.clientName());
        });
        s.dmaBufs().forEach(b -> names.add(b.name()));
        s.failedOperations().forEach(f -> names.add(f.comm()));
        names.add(s.host());
        names.removeIf(n -> n == null || n.isEmpty());
        return names;
    }

    static boolean contains(byte[] haystack, String needle) {
        for (String form : List.of(needle, jsonEscaped(needle))) {
            byte[] n = form.getBytes(StandardCharsets.UTF_8);
            outer:
            for (int i = 0; i + n.length <= haystack.length; i++) {
                for (int j = 0; j < n.length; j++) {
                    if (haystack[i + j] != n[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

}
