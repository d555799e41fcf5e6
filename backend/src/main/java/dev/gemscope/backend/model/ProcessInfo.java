package dev.gemscope.backend.model;

/**
 * A process that holds or maps a DRM or dma-buf file.
 *
 * @param pid the process id (tgid)
 * @param comm the task name from {@code /proc/PID/comm}
 * @param cmdline the command line, arguments joined by spaces; may be empty
 * @param uid the real uid, or null when unknown
 */
public record ProcessInfo(int pid, String comm, String cmdline, Integer uid) {
}
