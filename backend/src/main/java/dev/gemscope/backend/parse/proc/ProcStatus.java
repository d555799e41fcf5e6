package dev.gemscope.backend.parse.proc;

import java.util.List;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.ParseWarning;

/**
 * The few {@code /proc/PID/status} fields gemscope needs ({@code fs/proc/array.c: task_state()},
 * {@code proc_task_name()}). These lines have kept their form since 2.6, so there is no era.
 *
 * @param name {@code Name:}, the task's comm as printed: the kernel escapes {@code \n} and
 *     {@code \\} (and, since 4.x, other control characters) with a backslash; kept escaped.
 *     {@code ""} if missing
 * @param tgid {@code Tgid:}, the process id
 * @param pid {@code Pid:}, the thread id (equal to tgid for the main thread)
 * @param ppid {@code PPid:}, the parent's process id (0 for init and kernel threads' parent)
 * @param uidReal first {@code Uid:} column
 * @param uidEffective second {@code Uid:} column
 * @param warnings missing or unreadable fields, and a cut last line
 */
public record ProcStatus(String name, OptionalLong tgid, OptionalLong pid, OptionalLong ppid, OptionalLong uidReal,
        OptionalLong uidEffective, List<ParseWarning> warnings) {

    public ProcStatus {
        warnings = List.copyOf(warnings);
    }
}
