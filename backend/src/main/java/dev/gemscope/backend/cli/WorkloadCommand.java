package dev.gemscope.backend.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.gemscope.backend.workload.Coordinator;
import dev.gemscope.backend.workload.Manifests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gemscope workload}: build a scenario of buffer sharing in several processes, write its manifest. */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = {"Build a known scene of buffer sharing (a scenario file) in several processes with real",
                "DRM devices, write a ground-truth manifest of what was made, optionally hold it, then clean up.",
                "Needs read-write access to the DRM nodes (root in the QEMU bench)."})
final class WorkloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE",
            description = "Scenario (JSON): processes and steps. Repeat it to run several, one after the other "
                    + "(one coordinator: JVM start-up is what costs in an emulated guest), each with its own --manifest "
                    + "and --stop-file.")
    List<Path> scenarios;

    @Option(names = "--manifest", required = true, paramLabel = "OUT", description = "Write the manifest here (atomically, once everything is built); one per --scenario.")
    List<Path> manifests;

    @Option(names = "--hold", description = "After writing the manifest, hold everything until standard input closes.")
    boolean hold;

    @Option(names = "--stop-file", paramLabel = "FILE", description = "Hold until this file exists (implies holding; for scripts whose stdin is /dev/null); one per --scenario.")
    List<Path> stopFiles;

    @Override
    public Integer call() throws Exception {
        if (manifests.size() != scenarios.size() || (stopFiles != null && stopFiles.size() != scenarios.size())) {
            throw new InputException("give one --manifest (and one --stop-file, if any) per --scenario");
        }
        int worst = 0;
        for (int i = 0; i < scenarios.size(); i++) {
            int status = run(scenarios.get(i), manifests.get(i), stopFiles == null ? null : stopFiles.get(i));
            worst = Math.max(worst, status);
        }
        return worst;
    }

    private int run(Path scenario, Path manifest, Path stopFile) throws Exception {
        PrintWriter log = spec.commandLine().getErr();
        JsonNode sc;
        try {
            sc = Coordinator.readScenario(scenario);
        } catch (IOException e) {
            throw new InputException(scenario + ": " + e.getMessage());
        }
        long baseline = Manifests.dmaBufCount();
        long start = System.nanoTime();
        int status = 0;
        try (Coordinator c = new Coordinator(sc, log)) {
            c.start();
            ArrayNode results = c.runSteps();
            ObjectNode m = c.manifest(results, baseline);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Path tmp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
            Files.writeString(tmp, json.writeValueAsString(m) + "\n");
            Files.move(tmp, manifest, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.printf("workload: %s built in %d ms, manifest %s%n", sc.path("name").asText(),
                    (System.nanoTime() - start) / 1_000_000, manifest);
            log.flush();
            if (stopFile != null) {
                log.printf("workload: holding until %s exists%n", stopFile);
                log.flush();
                c.hold(() -> Files.exists(stopFile));
            } else if (hold) {
                log.println("workload: holding until standard input closes");
                log.flush();
                Thread reader = new Thread(() -> {
                    try {
                        while (System.in.read() >= 0) {
                            // discard
                        }
                    } catch (IOException e) {
                        // closed
                    }
                });
                reader.setDaemon(true);
                reader.start();
                c.hold(() -> !reader.isAlive());
            }
        } catch (IOException e) {
            log.println("gemscope workload: " + sc.path("name").asText() + ": " + e.getMessage());
            status = 3;
        }
        long after = Manifests.dmaBufCount();
        for (int i = 0; i < 50 && after != baseline; i++) {
            Thread.sleep(100);
            after = Manifests.dmaBufCount();
        }
        log.printf("workload: %s stopped; dma-bufs in the system: %d before, %d after%n", sc.path("name").asText(),
                baseline, after);
        log.flush();
        if (after != baseline) {
            log.println("gemscope workload: dma-bufs left behind after cleanup");
            return 4;
        }
        return status;
    }
}
