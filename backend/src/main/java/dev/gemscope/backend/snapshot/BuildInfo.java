package dev.gemscope.backend.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, for the snapshot's {@code writtenBy} field and {@code --version}. */
public final class BuildInfo {

    private static final String VERSION = load();

    private BuildInfo() {
    }

    public static String version() {
        return VERSION;
    }

    public static String writtenBy() {
        return "gemscope " + VERSION;
    }

    private static String load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/gemscope/backend/build.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // A missing resource only means a development build; the version is informative.
        }
        return props.getProperty("version", "dev");
    }
}
