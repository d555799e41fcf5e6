package dev.gemscope.backend.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verifier on real runs: manifests and snapshots captured from the workload in the QEMU bench
 * on 6.12.118+deb13-amd64 (bench/vm/run-workload-proof.sh). It must pass them, and must notice when
 * the snapshot loses something the manifest says is there.
 */
class ManifestVerifierTest {

    private static JsonNode manifest(String run) throws Exception {
        try (InputStream in = ManifestVerifierTest.class.getResourceAsStream("/workload/" + run + "/manifest.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Snapshot snapshot(String run, String file) throws Exception {
        try (InputStream in = ManifestVerifierTest.class.getResourceAsStream("/workload/" + run + "/" + file)) {
            return new SnapshotCodec().read(in, file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12-offload", "6.12-leak", "6.12-compositor"})
    void realRunPasses(String run) throws Exception {
        ManifestVerifier v = new ManifestVerifier().verify(manifest(run), snapshot(run, "snapshot.json"))
                .verifyGone(manifest(run), snapshot(run, "after.json"));
        assertEquals(List.of(), v.problems());
        assertTrue(v.checked().size() >= 20, "checks run: " + v.checked());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12-offload", "6.12-leak", "6.12-compositor"})
    void aMissingHolderIsCaught(String run) throws Exception {
        Snapshot s = snapshot(run, "snapshot.json");
        List<Holder> fewer = new ArrayList<>(s.holders());
        Holder dropped = fewer.stream().filter(h -> h.kind() == Holder.Kind.DMABUF).findFirst().orElseThrow();
        fewer.remove(dropped);
        Snapshot damaged = new Snapshot(s.capturedAt(), s.host(), s.kernelRelease(), s.origin(), s.sources(),
                s.visibility(), s.processes(), s.devices(), s.clients(), s.gemObjects(), s.dmaBufs(), s.attachments(),
                fewer, s.mappings(), s.failedOperations(), s.totals(), s.warnings(), s.probeResults());
        ManifestVerifier v = new ManifestVerifier().verify(manifest(run), damaged);
        assertTrue(!v.problems().isEmpty(), "dropping holder " + dropped + " went unnoticed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12-offload", "6.12-leak", "6.12-compositor"})
    void buffersStillThereAfterStopAreCaught(String run) throws Exception {
        // The snapshot taken while holding, used as the "after" one, still has every buffer.
        ManifestVerifier v = new ManifestVerifier().verifyGone(manifest(run), snapshot(run, "snapshot.json"));
        assertTrue(v.problems().stream().anyMatch(p -> p.contains("left")), v.problems().toString());
    }

    @org.junit.jupiter.api.Test
    void compositorChecksFencesAndLightHolders() throws Exception {
        ManifestVerifier v = new ManifestVerifier().verify(manifest("6.12-compositor"), snapshot("6.12-compositor", "snapshot.json"));
        assertEquals(List.of(), v.problems());
        assertTrue(v.checked().contains("fenced dma-bufs: 1"), v.checked().toString());
        // client-1 … client-5 are sleep processes holding fd 3 each
        assertTrue(v.checked().stream().anyMatch(c -> c.matches("ino:1 holders \\(pid/fd\\): \\[\\d+/\\d+, \\d+/3\\]")),
                v.checked().toString());
    }

    @org.junit.jupiter.api.Test
    void aMissingFenceIsCaught() throws Exception {
        Snapshot s = snapshot("6.12-compositor", "snapshot.json");
        List<dev.gemscope.backend.model.DmaBuf> bufs = new ArrayList<>();
        s.dmaBufs().forEach(b -> bufs.add(new dev.gemscope.backend.model.DmaBuf(b.key(), b.ino(), b.size(), b.exporter(),
                b.name(), b.fileCount(), b.flags(), b.mode(), List.of(), b.exporterDeviceId())));
        Snapshot damaged = new Snapshot(s.capturedAt(), s.host(), s.kernelRelease(), s.origin(), s.sources(),
                s.visibility(), s.processes(), s.devices(), s.clients(), s.gemObjects(), bufs, s.attachments(),
                s.holders(), s.mappings(), s.failedOperations(), s.totals(), s.warnings());
        ManifestVerifier v = new ManifestVerifier().verify(manifest("6.12-compositor"), damaged);
        assertTrue(v.problems().stream().anyMatch(p -> p.contains("fences")), v.problems().toString());
    }

    @org.junit.jupiter.api.Test
    void unprivilegedRunShowsOnlyItsOwnPartAndSaysWhy() throws Exception {
        Snapshot root = snapshot("6.12-compositor", "snapshot.json");
        ManifestVerifier v = new ManifestVerifier().verifyUnprivileged(manifest("6.12-compositor"),
                snapshot("6.12-compositor", "unprivileged.json"), root);
        assertEquals(List.of(), v.problems());
        assertTrue(v.checked().size() >= 12, v.checked().toString());
    }

    @org.junit.jupiter.api.Test
    void aRootCollectionPassedOffAsUnprivilegedFails() throws Exception {
        // Root sees everything: as an "unprivileged" collection it must fail on every count.
        Snapshot root = snapshot("6.12-compositor", "snapshot.json");
        ManifestVerifier v = new ManifestVerifier().verifyUnprivileged(manifest("6.12-compositor"), root, root);
        assertTrue(v.problems().stream().anyMatch(p -> p.contains("workload dma-bufs visible")), v.problems().toString());
        assertTrue(v.problems().stream().anyMatch(p -> p.contains("visibility complete")), v.problems().toString());
        assertTrue(v.problems().stream().anyMatch(p -> p.contains("named in the visibility report")), v.problems().toString());
    }

    @org.junit.jupiter.api.Test
    void theCompositorDemoCaptureIsAVerifiedLiveSnapshot() throws Exception {
        java.nio.file.Path capture = java.nio.file.Path.of(System.getProperty("gemscope.repo", ".."))
                .resolve("resources/captures/compositor-6.12.json");
        Snapshot s = new SnapshotCodec().read(capture);
        ManifestVerifier v = new ManifestVerifier().verify(manifest("6.12-compositor"), s);
        assertEquals(List.of(), v.problems());
        assertEquals("6.12.118+deb13-amd64", s.kernelRelease());
    }
}
