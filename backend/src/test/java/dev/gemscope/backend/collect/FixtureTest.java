package dev.gemscope.backend.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.source.SystemRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the collector over every fixture tree in {@code resources/fixtures/} and compares with the
 * fixture's golden {@code expected-snapshot.json} and with the hand-written counts in its
 * {@code meta.json}. Regenerate goldens with {@code -Dgolden.update=true}, then review the diff.
 */
class FixtureTest {

    static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    static Path fixturesDir() {
        return Path.of(System.getProperty("gemscope.repo", "..")).resolve("resources/fixtures");
    }

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(fixturesDir())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("meta.json"))).sorted().toList().stream();
        }
    }

    /** Collects a fixture; origin is made machine-independent. */
    static Snapshot collect(Path fixture) {
        Snapshot s = new Collector(SystemRoot.at(fixture.resolve("root")), FIXED).collect();
        return new Snapshot(s.capturedAt(), s.host(), s.kernelRelease(), "fixture:" + fixture.getFileName(),
                s.sources(), s.visibility(), s.processes(), s.devices(), s.clients(), s.gemObjects(), s.dmaBufs(),
                s.attachments(), s.holders(), s.mappings(), s.failedOperations(), s.totals(), s.warnings(),
                s.probeResults());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void snapshotMatchesGolden(Path fixture) throws Exception {
        SnapshotCodec codec = new SnapshotCodec();
        String actual = codec.toJson(collect(fixture)).replaceFirst("\"writtenBy\" : \"[^\"]*\"", "\"writtenBy\" : \"test\"");
        Path golden = fixture.resolve("expected-snapshot.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        if (!Files.exists(golden)) {
            fail(golden + " is missing; run mvn test -Dgolden.update=true and review it");
        }
        assertEquals(Files.readString(golden), actual, "collector output differs from " + golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void countsMatchTheFixturesGroundTruth(Path fixture) throws Exception {
        JsonNode meta = new ObjectMapper().readTree(fixture.resolve("meta.json").toFile());
        JsonNode expect = meta.path("expect");
        assertFalse(expect.isMissingNode(), "meta.json has no expect block");
        Snapshot s = collect(fixture);
        Map<String, Long> actual = Map.of(
                "devices", (long) s.devices().size(),
                "clients", (long) s.clients().size(),
                "dmabufs", (long) s.dmaBufs().size(),
                "dmabufBytes", s.totals().dmaBufBytes(),
                "attachments", (long) s.attachments().size(),
                "holders", (long) s.holders().size(),
                "mappings", (long) s.mappings().size(),
                "flinkNames", s.gemObjects().stream().filter(o -> o.flinkName() != null).count());
        expect.fields().forEachRemaining(e -> {
            if (actual.containsKey(e.getKey())) {
                assertEquals(e.getValue().asLong(), actual.get(e.getKey()), fixture.getFileName() + ": " + e.getKey());
            }
        });
        assertEquals(meta.path("kernelRelease").asText(), s.kernelRelease(), "kernel release read from the tree");
        assertTrue(meta.path("provenance").asText().startsWith("transcribed") || meta.path("provenance").asText().startsWith("captured"),
                "provenance says transcribed or captured");
    }
}
