package dev.gemscope.app.source;

import dev.gemscope.backend.source.DrmPresence;
import dev.gemscope.backend.source.SystemRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the GUI opens first: {@code gemscope gui FILE} opens FILE; {@code --root DIR} collects from a
 * captured tree; otherwise this machine when it has a DRM card or render node, else the bundled demo
 * capture (the same rule as {@code gemscope show}).
 */
public final class StartupOptions {

    /** Relative to gemscope's home (the repository or install directory). */
    public static final String DEMO_CAPTURE = DrmPresence.DEMO_CAPTURE;

    private StartupOptions() {
    }

    /**
     * @param args the command-line arguments
     * @param live the live system, asked whether it has DRM nodes
     * @param home gemscope's home directory, if known
     */
    public static SnapshotSource initialSource(List<String> args, SystemRoot live, Optional<Path> home) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--root") && i + 1 < args.size()) {
                return SnapshotSource.tree(Path.of(args.get(i + 1)));
            }
            if (a.startsWith("--root=")) {
                return SnapshotSource.tree(Path.of(a.substring("--root=".length())));
            }
            if (!a.startsWith("-")) {
                return SnapshotSource.file(Path.of(a));
            }
        }
        if (DrmPresence.hasDrmDevice(live)) {
            return SnapshotSource.live();
        }
        return SnapshotSource.demo(demoCapture(home).orElse(null));
    }

    /** The demo capture file under {@code home}, if it is there (else the jar's copy is used). */
    public static Optional<Path> demoCapture(Optional<Path> home) {
        return home.map(h -> h.resolve(DEMO_CAPTURE)).filter(Files::isRegularFile);
    }

    /** gemscope's home: {@code -Dgemscope.home} (set by the launcher), else the working directory. */
    public static Optional<Path> home() {
        String home = System.getProperty("gemscope.home");
        return Optional.of(home == null ? Path.of("").toAbsolutePath() : Path.of(home));
    }
}
