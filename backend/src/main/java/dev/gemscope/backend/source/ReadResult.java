package dev.gemscope.backend.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The outcome of reading one kernel file: its text, or why there is none.
 *
 * @param path the kernel path that was read, e.g. {@code /proc/42/fdinfo/5}
 * @param text the content; empty unless {@link #ok()}
 * @param truncated the file was longer than the read limit and was cut
 * @param status what happened
 * @param detail the error message, for the visibility report
 */
public record ReadResult(String path, String text, boolean truncated, Status status, String detail) {

    /** How a read went. */
    public enum Status {
        OK,
        /** The file is not there: not present on this kernel, or its process or fd went away. */
        MISSING,
        /** EACCES/EPERM: exists but this user may not read it. */
        DENIED,
        /** Any other I/O error (EINTR on bufinfo, EIO, ...). */
        ERROR
    }

    public static ReadResult ok(String path, String text, boolean truncated) {
        return new ReadResult(path, text, truncated, Status.OK, "");
    }

    public static ReadResult error(String path, String detail) {
        return new ReadResult(path, "", false, Status.ERROR, detail);
    }

    static ReadResult failure(String path, IOException e) {
        Status status;
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            status = Status.MISSING;
        } else if (e instanceof AccessDeniedException || isPermissionMessage(e)) {
            status = Status.DENIED;
        } else {
            status = Status.ERROR;
        }
        return new ReadResult(path, "", false, status, describe(e));
    }

    private static boolean isPermissionMessage(IOException e) {
        // procfs reports EPERM (e.g. fd links without ptrace access) as a plain FileSystemException.
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        return reason != null && (reason.contains("Permission denied") || reason.contains("Operation not permitted"));
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
