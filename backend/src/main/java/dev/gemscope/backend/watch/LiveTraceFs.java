package dev.gemscope.backend.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** tracefs on the running system. */
public final class LiveTraceFs implements TraceFs {

    /** The mount points tried, in order: tracefs itself (4.1+), then its automount under debugfs. */
    public static final List<Path> MOUNTS = List.of(Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing"));

    private final Path root;

    public LiveTraceFs(Path root) {
        this.root = root;
    }

    /**
     * The first mount point that is a tracefs this process may use; empty with the reason when
     * there is none (not mounted, or not root: tracefs is mode 0700 root).
     */
    public static Optional<LiveTraceFs> find(StringBuilder why) {
        for (Path p : MOUNTS) {
            if (Files.isRegularFile(p.resolve("trace_pipe")) && Files.isDirectory(p.resolve("instances"))) {
                if (Files.isReadable(p.resolve("trace_pipe")) && Files.isWritable(p.resolve("instances"))) {
                    return Optional.of(new LiveTraceFs(p));
                }
                why.append(p).append(" is not writable by this user");
                return Optional.empty();
            }
        }
        if (Files.isDirectory(MOUNTS.get(0)) && !Files.isReadable(MOUNTS.get(0))) {
            why.append(MOUNTS.get(0)).append(" is not readable by this user");
        } else {
            why.append("tracefs is not mounted at ").append(MOUNTS.get(0));
        }
        return Optional.empty();
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(root.resolve(path));
    }

    @Override
    public List<String> list(String path) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve(path))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public String read(String path) throws IOException {
        return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    }

    @Override
    public void write(String path, String text) throws IOException {
        Files.write(root.resolve(path), text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE);
    }

    @Override
    public void mkdir(String path) throws IOException {
        Files.createDirectory(root.resolve(path));
    }

    @Override
    public void rmdir(String path) throws IOException {
        Files.delete(root.resolve(path));
    }

    @Override
    public BufferedReader open(String path) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(root.resolve(path)), StandardCharsets.UTF_8));
    }
}
