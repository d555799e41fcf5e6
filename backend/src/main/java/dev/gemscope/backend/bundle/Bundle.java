package dev.gemscope.backend.bundle;

import dev.gemscope.backend.model.Snapshot;
import java.util.List;

/**
 * A support bundle as read back.
 *
 * @param manifest what the bundle says about itself
 * @param snapshot the snapshot it carries
 * @param kernelVersion {@code kernel/version.txt}
 * @param kernelConfig {@code kernel/config.txt}
 * @param visibility {@code visibility.txt}
 */
public record Bundle(Manifest manifest, Snapshot snapshot, String kernelVersion, String kernelConfig, String visibility) {

    /** The zip file's fixed entry names. */
    public static final String MANIFEST = "manifest.json";
    public static final String SNAPSHOT = "snapshot.json";
    public static final String KERNEL_VERSION = "kernel/version.txt";
    public static final String KERNEL_CONFIG = "kernel/config.txt";
    public static final String VISIBILITY = "visibility.txt";

    public static final String FORMAT = "gemscope-bundle";
    public static final int FORMAT_VERSION = 1;

    /**
     * {@code manifest.json}.
     *
     * @param format always {@link #FORMAT}
     * @param formatVersion {@link #FORMAT_VERSION}
     * @param writtenBy the gemscope that wrote it
     * @param createdAt ISO-8601 instant
     * @param host the snapshot's host (a pseudonym when redacted)
     * @param kernelRelease {@code uname -r}
     * @param redacted whether names were replaced by pseudonyms
     * @param redaction what was replaced and where the mapping is (never in the bundle), or null
     * @param entries every other entry, with its size and SHA-256
     */
    public record Manifest(String format, int formatVersion, String writtenBy, String createdAt, String host,
            String kernelRelease, boolean redacted, String redaction, List<Entry> entries) {

        public Manifest {
            entries = entries == null ? List.of() : List.copyOf(entries);
        }
    }

    /** One entry of the zip, as listed in the manifest. */
    public record Entry(String name, long bytes, String sha256, String content) {
    }
}
