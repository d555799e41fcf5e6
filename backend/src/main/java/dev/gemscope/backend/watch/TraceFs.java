package dev.gemscope.backend.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * The tracefs operations watch needs, on paths relative to the tracefs mount
 * ({@code instances/gemscope-42/events/syscalls/sys_exit_ioctl/filter}). A small interface so the
 * session's setup and teardown can be checked offline against a recorded file tree.
 */
public interface TraceFs {

    /** Where it is mounted, for messages. */
    String location();

    boolean exists(String path);

    /** Names in a directory, sorted. */
    List<String> list(String path) throws IOException;

    String read(String path) throws IOException;

    /** Writes to an existing control file (no create, no truncate: tracefs files take the whole write). */
    void write(String path, String text) throws IOException;

    /** Creates a directory: under {@code instances/} that creates a trace instance. */
    void mkdir(String path) throws IOException;

    /** Removes a directory: under {@code instances/} that removes the instance (EBUSY while a pipe is open). */
    void rmdir(String path) throws IOException;

    /** Opens a file for reading line by line; for {@code trace_pipe}, reads block until data arrives. */
    BufferedReader open(String path) throws IOException;
}
