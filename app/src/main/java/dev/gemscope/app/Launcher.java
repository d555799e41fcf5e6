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
}
