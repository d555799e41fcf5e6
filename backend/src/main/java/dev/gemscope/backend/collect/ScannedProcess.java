package dev.gemscope.backend.collect;

import dev.gemscope.backend.parse.proc.FdInfo;
import dev.gemscope.backend.parse.proc.FdLink;
import dev.gemscope.backend.parse.proc.GpuMapping;
import java.util.List;
import java.util.Optional;

/**
 * One process as the scan saw it: only its GPU-related fds and mappings are kept.
 *
 * @param pid the process id
 * @param comm its task name
 * @param cmdline its arguments joined by spaces
 * @param uid its real uid, when status was readable
 * @param fds fds whose link is a dma-buf or a DRM node, each with its fdinfo when readable
 * @param mappings its dma-buf and GEM mappings
 */
record ScannedProcess(int pid, String comm, String cmdline, Integer uid, List<ScannedFd> fds, List<GpuMapping> mappings) {

    ScannedProcess {
        fds = List.copyOf(fds);
        mappings = List.copyOf(mappings);
    }

    boolean involved() {
        return !fds.isEmpty() || !mappings.isEmpty();
    }

    /** A GPU-related fd: the link says what it is, fdinfo (if readable) says more. */
    record ScannedFd(int fd, FdLink link, Optional<FdInfo> info) {
    }
}
