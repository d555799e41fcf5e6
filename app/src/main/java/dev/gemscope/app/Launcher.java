package dev.gemscope.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;

/**
 * The main class. A main class that extends {@link Application} fails on the class path with
 * "JavaFX runtime components are missing", so this one only hands over (docs/gui-testing.md).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (noDisplay()) {
            // JavaFX would fail with a stack trace; the installed launcher has no script in front to say this.
            System.err.println("gemscope: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop"
                    + " session, or under a virtual one: xvfb-run -a gemscope; gemscope-cli is the command line");
            System.exit(2);
        }
        Optional<Path> screenshot;
        try {
            screenshot = ScreenshotOption.parse(List.of(args)).file();
        } catch (IllegalArgumentException e) {
            System.err.println("gemscope: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (screenshot.isEmpty()) {
            Application.launch(GemscopeApp.class, args);
            return;
        }
        // --screenshot: success is the file being there afterwards, so a stale one must not count.
        try {
            Files.deleteIfExists(screenshot.get());
        } catch (IOException e) {
            System.err.println("gemscope: cannot replace " + screenshot.get() + ": " + e.getMessage());
            System.exit(2);
        }
        Application.launch(GemscopeApp.class, args);
        System.exit(Files.isRegularFile(screenshot.get()) ? 0 : 1);
    }

    /** No X or Wayland display, and no headless glass platform (Monocle) asked for. */
    private static boolean noDisplay() {
        return isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))
                && System.getProperty("glass.platform") == null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
