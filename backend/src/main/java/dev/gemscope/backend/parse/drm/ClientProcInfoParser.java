package dev.gemscope.backend.parse.drm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.gemscope.backend.parse.Numbers;
import dev.gemscope.backend.parse.ParseWarning;

/**
 * Parses debugfs {@code /sys/kernel/debug/dri/client-<id>/proc_info} (7.x, ≈6.15+): the process
 * behind one open DRM file, where {@code <id>} is the fdinfo {@code drm-client-id}.
 *
 * <p>Producer: {@code drivers/gpu/drm/drm_debugfs.c: drm_debugfs_proc_info_show()}, added with
 * {@code drm_debugfs_clients_add()}: {@code "pid: %d\n"} then {@code "comm: %s\n"}, taken from the
 * task found by the file's pid as a TGID. When that task is gone the kernel prints {@code pid: 0}
 * and {@code comm: Unset}; {@link ProcInfo#taskGone()} reports that case. There is one layout only.
 */
public final class ClientProcInfoParser {

    private static final String PID = "pid:";
    private static final String COMM = "comm:";

    private ClientProcInfoParser() {
    }

    /**
     * The parsed file.
     *
     * @param pid the owning process id (tgid) in the reader's pid namespace; 0 if the task is gone
     * @param comm the task comm, verbatim (may contain spaces); {@code Unset} if the task is gone
     * @param taskGone the kernel found no task ({@code pid: 0}, {@code comm: Unset})
     * @param warnings lines not understood
     */
    public record ProcInfo(OptionalLong pid, Optional<String> comm, boolean taskGone, List<ParseWarning> warnings) {
        public ProcInfo {
            warnings = List.copyOf(warnings);
        }
    }

    /** Parses the text of a {@code proc_info} file; never throws. */
    public static ProcInfo parse(String text, String source) {
        List<ParseWarning> warnings = new ArrayList<>();
        List<String> lines = DrmText.completeLines(text, source, warnings);
        OptionalLong pid = OptionalLong.empty();
        Optional<String> comm = Optional.empty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith(PID) && pid.isEmpty()) {
                pid = Numbers.decimal(line.substring(PID.length()));
                if (pid.isEmpty()) {
                    warnings.add(new ParseWarning(source, i + 1, line, "pid is not a number"));
                }
            } else if (line.startsWith(COMM) && comm.isEmpty()) {
                // "comm: %s": exactly one space after the colon; the comm itself is kept as is.
                String rest = line.substring(COMM.length());
                comm = Optional.of(rest.startsWith(" ") ? rest.substring(1) : rest);
            } else {
                warnings.add(new ParseWarning(source, i + 1, line, "unknown line"));
            }
        }
        boolean gone = pid.isPresent() && pid.getAsLong() == 0 && comm.map("Unset"::equals).orElse(true);
        return new ProcInfo(pid, comm, gone, warnings);
    }
}
