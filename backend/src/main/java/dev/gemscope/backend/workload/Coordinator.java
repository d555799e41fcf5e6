package dev.gemscope.backend.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs a scenario: spawns one child JVM per process (same java, same class path), sends each step
 * to its process in scenario order, collects the children's reports into the manifest, holds, then
 * stops the children and checks that the system's dma-buf count is back to where it was.
 */
public final class Coordinator implements AutoCloseable {

    /** The class whose {@code main} runs one child (lives in cli: only cli touches System.out). */
    public static final String CHILD_MAIN = "dev.gemscope.backend.cli.WorkloadChildMain";

    /**
     * More JVM options for the children, space-separated (e.g. {@code -XX:SharedArchiveFile=child.jsa}:
     * an AppCDS archive made on the host halves the children's start-up in the emulated guest).
     */
    public static final String CHILD_JVM_OPTIONS = "gemscope.workload.childJvmOptions";

    private final JsonNode scenario;
    private final PrintWriter log;
    private final Path socketDir;
    private final Map<String, Child> children = new LinkedHashMap<>();

    private static final class Child {
        String name;
        Process process;
        Writer stdin;
        BufferedReader stdout;
        long pid;
    }

    public Coordinator(JsonNode scenario, PrintWriter log) throws IOException {
        this.scenario = scenario;
        this.log = log;
        this.socketDir = Files.createTempDirectory("gemscope-workload-");
    }

    /** Reads a scenario file (JSON). */
    public static JsonNode readScenario(Path file) throws IOException {
        JsonNode n = ChildProcess.JSON.readTree(file.toFile());
        if (!n.path("processes").isArray() || !n.path("steps").isArray()) {
            throw new IOException(file + ": a scenario needs \"processes\" and \"steps\" arrays");
        }
        return n;
    }

    /** Starts the children (in parallel: JVM start-up dominates in the emulated guest). */
    public void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        for (JsonNode p : scenario.path("processes")) {
            Child c = new Child();
            c.name = p.asText();
            List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-XX:+UseSerialGC", "-Xmx64m"));
            for (String o : System.getProperty(CHILD_JVM_OPTIONS, "").trim().split("\\s+")) {
                if (!o.isEmpty()) {
                    cmd.add(o);
                }
            }
            cmd.addAll(List.of("-cp", cp, CHILD_MAIN, c.name, socketDir.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
            c.process = pb.start();
            c.stdin = new OutputStreamWriter(c.process.getOutputStream(), StandardCharsets.UTF_8);
            c.stdout = new BufferedReader(new InputStreamReader(c.process.getInputStream(), StandardCharsets.UTF_8));
            children.put(c.name, c);
        }
        for (Child c : children.values()) {
            JsonNode ready = readReply(c);
            if (!ready.path("ready").asBoolean()) {
                throw new IOException("process " + c.name + " did not start: " + ready);
            }
            c.pid = ready.path("pid").asLong();
            log.printf("workload: process %s is pid %d%n", c.name, c.pid);
            log.flush();
        }
    }

    /** Runs every step in order; returns the per-step results. Throws on an unexpected failure. */
    public ArrayNode runSteps() throws IOException {
        ArrayNode results = ChildProcess.JSON.createArrayNode();
        int i = 0;
        for (JsonNode step : scenario.path("steps")) {
            ObjectNode s = step.deepCopy();
            s.put("index", i++);
            Child c = children.get(s.path("proc").asText());
            if (c == null) {
                throw new IOException("step " + s + ": no process " + s.path("proc").asText());
            }
            JsonNode reply = send(c, s);
            ObjectNode r = results.addObject();
            r.set("step", s);
            r.set("reply", reply);
            if (!reply.path("ok").asBoolean()) {
                throw new IOException("step " + (i - 1) + " " + s + " failed: " + reply);
            }
            log.printf("workload: %-8s %-9s %s%n", c.name, s.path("op").asText(),
                    reply.has("failure") ? "failed as expected: " + reply.path("failure").path("message").asText()
                            : reply.path("result").toString());
        }
        return results;
    }

    /** Each child's report, joined into the manifest. */
    public ObjectNode manifest(ArrayNode stepResults, long baselineDmaBufs) throws IOException {
        List<JsonNode> reports = new ArrayList<>();
        for (Child c : children.values()) {
            ObjectNode q = ChildProcess.JSON.createObjectNode().put("op", "report");
            JsonNode reply = send(c, q);
            if (!reply.path("ok").asBoolean()) {
                throw new IOException("report of " + c.name + " failed: " + reply);
            }
            JsonNode report = reply.path("report");
            reports.add(report);
            // The light holder processes it spawned are processes of the scene in their own right.
            report.path("spawned").forEach(reports::add);
        }
        return Manifests.build(scenario, reports, stepResults, baselineDmaBufs);
    }

    /** Waits until {@code stop} says so, polling every 200 ms. */
    public void hold(BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            for (Child c : children.values()) {
                if (!c.process.isAlive()) {
                    throw new IllegalStateException("process " + c.name + " (pid " + c.pid + ") died while holding");
                }
            }
            Thread.sleep(200);
        }
    }

    /** Stops every child (they release in reverse order) and waits for them. */
    @Override
    public void close() {
        for (Child c : children.values()) {
            try {
                c.stdin.write("{\"op\":\"stop\"}\n");
                c.stdin.close();
            } catch (IOException e) {
                // already gone
            }
        }
        for (Child c : children.values()) {
            try {
                if (!c.process.waitFor(60, TimeUnit.SECONDS)) {
                    log.printf("workload: process %s did not stop, killing it%n", c.name);
                    c.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                c.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> s = Files.list(socketDir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(socketDir);
        } catch (IOException e) {
            log.printf("workload: cannot remove %s: %s%n", socketDir, e.getMessage());
        }
    }

    private JsonNode send(Child c, JsonNode message) throws IOException {
        c.stdin.write(ChildProcess.JSON.writeValueAsString(message));
        c.stdin.write('\n');
        c.stdin.flush();
        return readReply(c);
    }

    private static JsonNode readReply(Child c) throws IOException {
        String line = c.stdout.readLine();
        if (line == null) {
            throw new IOException("process " + c.name + " exited (status "
                    + (c.process.isAlive() ? "?" : c.process.exitValue()) + ")");
        }
        return ChildProcess.JSON.readTree(line);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static <K, V> Map<K, V> sorted(Map<K, V> m, Comparator<K> order) {
        Map<K, V> t = new TreeMap<>(order);
        t.putAll(m);
        return t;
    }
}
