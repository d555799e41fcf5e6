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
    @ValueSource(strings = {"6.12-offload", "6.12-leak"})
    void realRunPasses(String run) throws Exception {
        ManifestVerifier v = new ManifestVerifier().verify(manifest(run), snapshot(run, "snapshot.json"))
                .verifyGone(manifest(run), snapshot(run, "after.json"));
        assertEquals(List.of(), v.problems());
        assertTrue(v.checked().size() >= 20, "checks run: " + v.checked());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12-offload", "6.12-leak"})
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
    @ValueSource(strings = {"6.12-offload", "6.12-leak"})
    void buffersStillThereAfterStopAreCaught(String run) throws Exception {
        // The snapshot taken while holding, used as the "after" one, still has every buffer.
        ManifestVerifier v = new ManifestVerifier().verifyGone(manifest(run), snapshot(run, "snapshot.json"));
        assertTrue(v.problems().stream().anyMatch(p -> p.contains("left")), v.problems().toString());
    }
}
