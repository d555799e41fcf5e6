package dev.gemscope.backend.snapshot;

/** A snapshot file that cannot be read: the message names the problem in one line. */
public final class SnapshotFormatException extends Exception {

    public SnapshotFormatException(String message) {
        super(message);
    }

    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
