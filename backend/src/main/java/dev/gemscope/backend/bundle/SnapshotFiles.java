package dev.gemscope.backend.bundle;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import dev.gemscope.backend.snapshot.SnapshotFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Opens what a user calls "a capture": a snapshot file, or a support bundle (told apart by the zip magic). */
public final class SnapshotFiles {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private SnapshotFiles() {
    }

    public static Snapshot read(Path file) throws SnapshotFormatException {
        return isBundle(file) ? new BundleReader().read(file).snapshot() : new SnapshotCodec().read(file);
    }

    public static boolean isBundle(Path file) throws SnapshotFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(ZIP_MAGIC, in.readNBytes(4));
        } catch (NoSuchFileException e) {
            throw new SnapshotFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new SnapshotFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
