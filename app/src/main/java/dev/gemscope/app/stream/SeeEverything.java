package dev.gemscope.app.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "See everything": how to start the privileged collector from this GUI, which keeps running as
 * the user. pkexec when it exists (polkit action {@code dev.gemscope.collect}, one password prompt
 * kept for a while); else sudo, non-interactive ({@code -n}: works with NOPASSWD or a cached
 * ticket) or with {@code SUDO_ASKPASS} ({@code -A}); else an explanation. The privileged side is
 * always the fixed wrapper, which takes only the interval.
 */
public final class SeeEverything {

    /** Where the package installs the wrapper (the polkit policy's exec.path names it). */
    public static final Path INSTALLED_WRAPPER = Path.of("/usr/lib/gemscope/gemscope-collector");
    /** The wrapper in a source checkout, relative to gemscope's home. */
    public static final String CHECKOUT_WRAPPER = "packaging/bin/gemscope-collector";

    /**
     * What to run, or why nothing can be.
     *
     * @param command the command, when there is a way
     * @param message what the user is told: what happens now, or what to do
     */
    public record Plan(Optional<StreamCommand> command, String message) {
    }

    /** What the planner looks at, behind an interface so it is tested without touching the machine. */
    public interface Host {
        /** The absolute path of a program on PATH, if any. */
        Optional<Path> which(String program);

        boolean isExecutable(Path file);

        Map<String, String> environment();
    }

    private SeeEverything() {
    }

    /**
     * @param host this machine
     * @param home gemscope's home (repository or install directory), for a checkout's wrapper
     * @param intervalSeconds the stream's interval, 1 to 3600
     */
    public static Plan plan(Host host, Optional<Path> home, int intervalSeconds) {
        int interval = Math.max(1, Math.min(3600, intervalSeconds));
        Optional<Path> wrapper = wrapper(host, home);
        if (wrapper.isEmpty()) {
            return new Plan(Optional.empty(), "The privileged collector is not installed (" + INSTALLED_WRAPPER
                    + "). Install the gemscope package, or run the collector yourself as root and read it with"
                    + " Remote/command…, e.g.: sudo gemscope collect --stream");
        }
        String w = wrapper.get().toString();
        List<String> tail = List.of(w, "--interval", String.valueOf(interval));
        if (host.which("pkexec").isPresent()) {
            return new Plan(Optional.of(command(List.of("pkexec"), tail, "all processes (pkexec)")),
                    "Starting the privileged collector through pkexec: polkit asks for an administrator password.");
        }
        if (host.which("sudo").isPresent()) {
            String askpass = host.environment().get("SUDO_ASKPASS");
            if (askpass != null && !askpass.isBlank()) {
                return new Plan(Optional.of(command(List.of("sudo", "-A"), tail, "all processes (sudo -A)")),
                        "No pkexec here: starting the collector with sudo -A (your SUDO_ASKPASS program asks for the password).");
            }
            return new Plan(Optional.of(command(List.of("sudo", "-n"), tail, "all processes (sudo -n)")),
                    "No pkexec here: trying sudo -n, which works only without a password prompt (NOPASSWD rule or a"
                            + " recent sudo in a terminal). If it fails, run 'sudo -v' in a terminal first, set SUDO_ASKPASS,"
                            + " or install polkit (pkexec).");
        }
        return new Plan(Optional.empty(), "Neither pkexec nor sudo is installed. Install polkit (pkexec) or sudo, or"
                + " start the collector as root yourself and read it with Remote/command…, e.g.: su -c '" + w + "'");
    }

    private static StreamCommand command(List<String> via, List<String> tail, String label) {
        List<String> argv = new ArrayList<>(via);
        argv.addAll(tail);
        return new StreamCommand(argv, label, true);
    }

    /** The installed wrapper, else the checkout's (development), else none. */
    static Optional<Path> wrapper(Host host, Optional<Path> home) {
        if (host.isExecutable(INSTALLED_WRAPPER)) {
            return Optional.of(INSTALLED_WRAPPER);
        }
        return home.map(h -> h.resolve(CHECKOUT_WRAPPER).toAbsolutePath().normalize()).filter(host::isExecutable);
    }

    /** The real machine. */
    public static Host thisMachine() {
        return new Host() {
            @Override
            public Optional<Path> which(String program) {
                String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
                for (String dir : path.split(":")) {
                    if (!dir.isEmpty()) {
                        Path p = Path.of(dir, program);
                        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                            return Optional.of(p);
                        }
                    }
                }
                return Optional.empty();
            }

            @Override
            public boolean isExecutable(Path file) {
                return Files.isRegularFile(file) && Files.isExecutable(file);
            }

            @Override
            public Map<String, String> environment() {
                return System.getenv();
            }
        };
    }
}
