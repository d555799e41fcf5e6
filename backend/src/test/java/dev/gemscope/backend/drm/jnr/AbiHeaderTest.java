package dev.gemscope.backend.drm.jnr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.gemscope.backend.drm.KnownIoctl;

/**
 * The ABI verification: compiles a C program that prints, from the system's own uapi headers,
 * every value in {@link AbiTable} (ioctl numbers, struct sizes, member offsets and sizes,
 * constants, errno numbers) and asserts the Java values are identical. This is how i915, which no
 * build machine can run, is checked against a source we did not write.
 *
 * <p>Needs gcc, libdrm-dev (drm.h, drm_mode.h, i915_drm.h) and linux-libc-dev (linux/dma-buf.h,
 * udmabuf.h, dma-heap.h, kcmp.h). Debian's libdrm-dev has no vgem_drm.h and Debian's
 * linux-libc-dev ships no drm/ headers at all, so vgem_drm.h is also looked for in a kernel uapi
 * tree: linux-headers-*-common's {@code /usr/src/linux-headers-*}{@code /include/uapi/drm}, or any
 * directory in {@code -Dgemscope.abi.include=DIR[:DIR…]}. Anything missing fails the test with a
 * message saying what and where it looked; nothing is skipped.
 */
class AbiHeaderTest {

    private static final List<String> DRM_HEADERS = List.of("drm.h", "drm_mode.h", "i915_drm.h", "vgem_drm.h");
    private static final List<String> LINUX_HEADERS =
            List.of("linux/dma-buf.h", "linux/udmabuf.h", "linux/dma-heap.h", "linux/kcmp.h", "asm/unistd.h");
    private static final Pattern GCC_ERROR = Pattern.compile("^[^:]*probe\\.c:(\\d+):\\d+: (?:fatal )?error: (.*)$");

    private static List<AbiTable.Entry> entries;
    private static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        entries = AbiTable.entries();
        work = Path.of("target", "abi-test").toAbsolutePath();
        Files.createDirectories(work);
    }

    @Test
    void tableCoversEveryIoctlAndStruct() {
        Set<String> expressions = new LinkedHashSet<>();
        entries.forEach(e -> assertTrue(expressions.add(e.expression()), "duplicate entry " + e.expression()));
        for (KnownIoctl k : KnownIoctl.values()) {
            assertTrue(expressions.contains(k.name()), k.name());
        }
        for (var s : Structs.ALL) {
            assertTrue(expressions.contains("sizeof(" + Structs.cType(s) + ")"), s.getSimpleName());
        }
        assertTrue(expressions.contains("offsetof(struct drm_version, name_len)"));
        assertTrue(expressions.contains("offsetof(struct drm_i915_memory_region_info, region.memory_instance)"));
        assertTrue(expressions.contains("sizeof(((struct drm_i915_query_memory_regions *)0)->rsvd)"));
    }

    @Test
    void javaValuesEqualTheSystemHeaders() throws Exception {
        String gcc = requireTool("gcc", "the ABI test compiles the uapi headers with gcc (apt-get install gcc)");
        Includes includes = findIncludes();
        Path source = work.resolve("probe.c");
        Map<Integer, AbiTable.Entry> byLine = writeProbe(source);
        Path binary = work.resolve("probe");

        List<String> cmd = new ArrayList<>(List.of(gcc, "-std=gnu11", "-O0", "-w", "-fmax-errors=0"));
        includes.primary().forEach(d -> cmd.add("-I" + d));
        includes.fallback().forEach(d -> {
            cmd.add("-idirafter");
            cmd.add(d.toString());
        });
        cmd.addAll(List.of("-o", binary.toString(), source.toString()));
        Result compile = run(cmd);
        if (compile.exit() != 0) {
            fail(compileFailure(compile.output(), byLine, includes));
        }

        Result probe = run(List.of(binary.toString()));
        assertEquals(0, probe.exit(), "the probe program failed:\n" + probe.output());
        Map<Integer, Long> cValues = new TreeMap<>();
        for (String line : probe.output().split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.strip().split(" ");
                cValues.put(Integer.parseInt(parts[0]), Long.parseUnsignedLong(parts[1]));
            }
        }
        assertEquals(entries.size(), cValues.size(), "the probe printed a value for every entry");

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AbiTable.Entry e = entries.get(i);
            long c = cValues.get(i);
            if (c != e.value()) {
                mismatches.add(String.format("  %s: the header says %s (0x%x), Java (%s) has %s (0x%x)",
                        e.expression(), Long.toUnsignedString(c), c, e.origin(), e.value(), e.value()));
            }
        }
        System.out.printf("ABI check: %d entries compared with the headers in %s (fallback %s)%n",
                entries.size(), includes.primary(), includes.fallback());
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " Java values differ from the system headers:\n" + String.join("\n", mismatches));
        }
    }

    /** Writes the probe; returns source line → entry, to map compiler errors back to entries. */
    private static Map<Integer, AbiTable.Entry> writeProbe(Path source) throws IOException {
        String template;
        try (InputStream in = AbiHeaderTest.class.getResourceAsStream("/abi/abi-probe.c.in")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int entriesLine = (int) template.substring(0, template.indexOf("@ENTRIES@")).chars().filter(c -> c == '\n').count() + 1;
        StringBuilder body = new StringBuilder();
        Map<Integer, AbiTable.Entry> byLine = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            AbiTable.Entry e = entries.get(i);
            body.append("\tP(").append(i).append(", ").append(e.expression()).append(");");
            if (i + 1 < entries.size()) {
                body.append('\n');
            }
            byLine.put(entriesLine + i, e);
        }
        Files.writeString(source, template.replace("@ENTRIES@", body));
        return byLine;
    }

    private static String compileFailure(String output, Map<Integer, AbiTable.Entry> byLine, Includes includes) {
        Map<String, String> missing = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = GCC_ERROR.matcher(line);
            if (!m.matches()) {
                continue;
            }
            AbiTable.Entry e = byLine.get(Integer.parseInt(m.group(1)));
            if (e == null) {
                other.add("  " + line);
            } else {
                missing.putIfAbsent(e.expression() + " (Java: " + e.origin() + ")", m.group(2));
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!missing.isEmpty()) {
            sb.append("The installed headers do not define ").append(missing.size())
                    .append(" thing(s) the Java side uses (headers too old, or a header is missing):\n");
            missing.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        if (!other.isEmpty()) {
            sb.append("gcc failed outside the probe entries:\n").append(String.join("\n", other)).append('\n');
        }
        if (sb.length() == 0) {
            sb.append("gcc failed:\n").append(output);
        }
        sb.append("Include directories: ").append(includes.primary()).append(", fallback ").append(includes.fallback());
        return sb.toString();
    }

    /** Where each header was found: primary dirs with -I, kernel-tree fallbacks with -idirafter. */
    record Includes(List<Path> primary, List<Path> fallback) {
    }

    private static Includes findIncludes() throws Exception {
        List<Path> primary = new ArrayList<>();
        List<Path> candidates = new ArrayList<>(libdrmIncludeDirs());
        candidates.add(Path.of("/usr/include/drm"));
        for (String d : System.getProperty("gemscope.abi.include", "").split(":")) {
            if (!d.isBlank()) {
                candidates.add(Path.of(d));
            }
        }
        List<Path> kernelTrees = kernelUapiDrmDirs();
        List<Path> fallback = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String header : DRM_HEADERS) {
            Optional<Path> dir = candidates.stream().filter(d -> Files.isRegularFile(d.resolve(header))).findFirst();
            if (dir.isPresent()) {
                if (!primary.contains(dir.get())) {
                    primary.add(dir.get());
                }
                continue;
            }
            Optional<Path> tree = kernelTrees.stream().filter(d -> Files.isRegularFile(d.resolve(header))).findFirst();
            if (tree.isPresent()) {
                if (!fallback.contains(tree.get())) {
                    fallback.add(tree.get());
                }
                continue;
            }
            problems.add(header + ": not in " + candidates + " nor in a kernel uapi tree " + kernelTrees
                    + (header.equals("vgem_drm.h")
                            ? " (libdrm-dev does not ship vgem_drm.h; install linux-headers-amd64, whose -common"
                                    + " package has include/uapi/drm/vgem_drm.h, or pass -Dgemscope.abi.include=DIR)"
                            : " (install libdrm-dev)"));
        }
        for (String header : LINUX_HEADERS) {
            if (!Files.isRegularFile(Path.of("/usr/include").resolve(header))
                    && !Files.isRegularFile(Path.of("/usr/include/x86_64-linux-gnu").resolve(header))) {
                problems.add(header + ": not under /usr/include (install linux-libc-dev)");
            }
        }
        if (!problems.isEmpty()) {
            fail("The ABI test cannot find the uapi headers it checks against:\n  " + String.join("\n  ", problems));
        }
        return new Includes(primary, fallback);
    }

    private static List<Path> libdrmIncludeDirs() throws Exception {
        List<Path> dirs = new ArrayList<>();
        Optional<String> pkgConfig = which("pkg-config");
        if (pkgConfig.isPresent()) {
            Result r = run(List.of(pkgConfig.get(), "--cflags-only-I", "libdrm"));
            if (r.exit() == 0) {
                for (String flag : r.output().trim().split("\\s+")) {
                    if (flag.startsWith("-I")) {
                        dirs.add(Path.of(flag.substring(2)));
                    }
                }
            }
        }
        if (dirs.isEmpty()) {
            dirs.add(Path.of("/usr/include/libdrm"));
        }
        return dirs;
    }

    /** {@code /usr/src/linux-headers-*}{@code /include/uapi/drm}, newest version first. */
    private static List<Path> kernelUapiDrmDirs() throws IOException {
        Path src = Path.of("/usr/src");
        if (!Files.isDirectory(src)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(src)) {
            return s.filter(p -> p.getFileName().toString().startsWith("linux-headers-"))
                    .map(p -> p.resolve("include/uapi/drm"))
                    .filter(Files::isDirectory)
                    .sorted(Comparator.comparing((Path p) -> p.getParent().getParent().getFileName().toString(),
                            AbiHeaderTest::compareVersions).reversed())
                    .toList();
        }
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.replaceAll("[^0-9]+", " ").trim().split(" ");
        String[] y = b.replaceAll("[^0-9]+", " ").trim().split(" ");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].isEmpty() && !y[i].isEmpty() && !x[i].equals(y[i])) {
                return Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static String requireTool(String name, String why) {
        return which(name).orElseGet(() -> fail(name + " not found on PATH: " + why));
    }

    private static Optional<String> which(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + cmd);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
