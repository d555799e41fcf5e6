package dev.gemscope.backend.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.model.Attachment;
import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.FailedOperation;
import dev.gemscope.backend.model.GemObject;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.ProbeResult;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.model.Totals;
import dev.gemscope.backend.model.VisibilityReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotCodecTest {

    private final SnapshotCodec codec = new SnapshotCodec();

    static Snapshot sample() {
        DmaBuf buf = new DmaBuf("ino:12", 12L, 4096, "drm", "cam frame", 4L, 2, 0x80007,
                List.of(new DmaBuf.Fence("write", "vgem", "unbound", null, 1L, false)), "vgem");
        GemObject obj = new GemObject("0000:00:02.0/import:ino:12#1", "0000:00:02.0", 1300, 7L, null, null,
                4096L, GemObject.Backing.IMPORTED, 12L, "ino:12", GemObject.Role.IMPORTER,
                List.of(new GemObject.Evidence("/sys/kernel/debug/dma_buf/bufinfo", "B3")), Map.of("b", "2", "a", "1"));
        VisibilityReport vis = new VisibilityReport(false, 3, 1, 0, 1,
                List.of(new VisibilityReport.Issue("pid 900", "fd table", "EACCES", "run as root")));
        return new Snapshot("2026-11-25T17:00:00Z", "box", "6.1.0-25-amd64", "live", List.of(), vis, List.of(),
                List.of(), List.of(), List.of(obj), List.of(buf),
                List.of(new Attachment("ino:12", "0000:00:02.0", "0000:00:02.0", obj.id())),
                List.of(new Holder(1200, 7, Holder.Kind.DMABUF, "/dmabuf:cam frame", "ino:12", null, null, 02000002)),
                List.of(), List.of(), new Totals(1, 4096, List.of()), List.of(), List.of());
    }

    @Test
    void roundTripKeepsEveryField() throws Exception {
        Snapshot original = sample();
        Snapshot back = codec.fromJson(codec.toJson(original), "test");
        assertEquals(original, back);
    }

    @Test
    void probeResultsAndProbeFailuresRoundTrip() throws Exception {
        ProbeResult pass = new ProbeResult("7", "self-import returns the same handle", "vgem (vgem)",
                ProbeResult.Outcome.PASS, "same handle", "same handle 1", null, "drm_prime.c: drm_gem_prime_fd_to_handle");
        ProbeResult na = new ProbeResult("19", "I915_GEM_MMAP of a foreign import", "vgem (vgem)",
                ProbeResult.Outcome.NOT_APPLICABLE, "ENXIO", null, "no i915 device", "i915_gem_mman.c");
        FailedOperation f = new FailedOperation("2026-11-25T17:00:01Z", 42, "java", "vgem", "DRM_IOCTL_GEM_CLOSE",
                "probe: vgem handle 0x7ffffff0", "EINVAL", 22, "probe", "the handle is not open", false);
        Snapshot original = sample().withProbe(List.of(pass, na), List.of(f));
        String json = codec.toJson(original);
        assertTrue(json.contains("\"probeResults\""), "written");
        Snapshot back = codec.fromJson(json, "test");
        assertEquals(original, back);
        assertEquals(ProbeResult.Outcome.NOT_APPLICABLE, back.probeResults().get(1).outcome());
        assertEquals(Boolean.FALSE, back.failedOperations().get(0).expectedByDesign());
    }

    @Test
    void filesWrittenBeforeTheProbeHaveNoProbeResults() throws Exception {
        Snapshot s = codec.fromJson("""
                {"format":"gemscope-snapshot","formatVersion":1,"writtenBy":"gemscope 0.1","kernelRelease":"6.1.0",
                 "failedOperations":[{"operation":"DRM_IOCTL_GEM_CLOSE","errnoName":"EINVAL","errno":22,"source":"probe"}]}
                """, "old");
        assertEquals(List.of(), s.probeResults());
        assertEquals(1, s.failedOperations().size());
        assertEquals(null, s.failedOperations().get(0).expectedByDesign());
    }

    @Test
    void headerFieldsComeFirst() {
        String json = codec.toJson(sample());
        assertTrue(json.startsWith("{\n  \"format\" : \"gemscope-snapshot\",\n  \"formatVersion\" : 1,\n  \"writtenBy\" : \"gemscope "),
                json.substring(0, 120));
    }

    @Test
    void writingIsDeterministic() {
        assertEquals(codec.toJson(sample()), codec.toJson(sample()));
        String json = codec.toJson(sample());
        assertTrue(json.indexOf("\"a\" : \"1\"") < json.indexOf("\"b\" : \"2\""), "map keys sorted");
    }

    @Test
    void unknownFieldsAndMissingListsAreTolerated() throws Exception {
        Snapshot s = codec.fromJson("""
                {"format":"gemscope-snapshot","formatVersion":1,"writtenBy":"gemscope 9","futureField":{"x":1},
                 "kernelRelease":"7.2.0","dmaBufs":[{"key":"ino:1","ino":1,"size":8192,"exporter":"udmabuf","newer":true}]}
                """, "t");
        assertEquals("7.2.0", s.kernelRelease());
        assertEquals(8192, s.dmaBufs().get(0).size());
        assertEquals(List.of(), s.holders());
        assertTrue(s.visibility().complete());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[]",
        "null",
        "{\"format\":\"something-else\",\"formatVersion\":1}",
        "{\"formatVersion\":1}",
        "{\"format\":\"gemscope-snapshot\"}",
        "{\"format\":\"gemscope-snapshot\",\"formatVersion\":\"one\"}",
        "{\"format\":\"gemscope-snapshot\",\"formatVersion\":2,\"writtenBy\":\"gemscope 3.0\"}",
        "{\"format\":\"gemscope-snapshot\",\"formatVersion\":1,\"dmaBufs\":{\"not\":\"a list\"}}",
        "{\"format\":\"gemscope-snapshot\",\"formatVersion\":1,\"dmaBufs\":[{\"size\":\"big\"}]}",
        "{\"format\":\"gemscope-snapshot\",\"formatVersion\":1,\"dmaBufs\":[{\"size\":1e400000}]}",
        "{\"format\":\"gemscope-snapshot\",\"formatVersion\":1,",
    })
    void malformedInputFailsWithANamedProblem(String json) {
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> codec.fromJson(json, "bad.json"));
        assertTrue(e.getMessage().startsWith("bad.json: "), e.getMessage());
        assertTrue(e.getMessage().length() > "bad.json: ".length() + 5, e.getMessage());
    }

    @Test
    void newerVersionNamesBothVersions() {
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> codec.fromJson(
                "{\"format\":\"gemscope-snapshot\",\"formatVersion\":2,\"writtenBy\":\"gemscope 3.0\"}", "f"));
        assertTrue(e.getMessage().contains("formatVersion 2") && e.getMessage().contains("gemscope 3.0"), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedNotRecursedForever() {
        String deep = "{\"format\":\"gemscope-snapshot\",\"formatVersion\":1,\"x\":" + "[".repeat(100_000);
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> codec.fromJson(deep, "deep"));
        assertTrue(e.getMessage().contains("deep"), e.getMessage());
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"format\":\"gemscope-snapshot\",\"formatVersion\":1,\"pad\":\"" + "x".repeat(5000) + "\"}");
        SnapshotCodec small = new SnapshotCodec(1000);
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> small.read(big));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void oversizedStreamIsCutAtTheLimit() {
        SnapshotCodec small = new SnapshotCodec(1000);
        byte[] endless = ("{\"pad\":\"" + "x".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        assertThrows(SnapshotFormatException.class, () -> small.read(new ByteArrayInputStream(endless), "pipe"));
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> codec.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void fileRoundTrip(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        codec.write(sample(), f);
        assertEquals(sample(), codec.read(f));
    }
}
