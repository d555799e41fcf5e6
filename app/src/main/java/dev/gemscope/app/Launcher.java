package dev.gemscope.app;

import javafx.application.Application;

/**
 * The main class. A main class that extends {@link Application} fails on the class path with
 * "JavaFX runtime components are missing", so this one only hands over (docs/gui-testing.md).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(GemscopeApp.class, args);
    }
}
