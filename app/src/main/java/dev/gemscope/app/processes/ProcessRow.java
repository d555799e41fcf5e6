package dev.gemscope.app.processes;

import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.ProcessInfo;
import dev.gemscope.backend.model.Totals;

/**
 * A process that touches DRM or dma-buf files, with its counts and dma-buf memory.
 *
 * @param pid the process
 * @param comm task name
 * @param cmdline command line
 * @param uid real uid, or null
 * @param drmFiles open DRM files (clients)
 * @param dmaBufFds fds referring to dma-bufs
 * @param mappings mapped buffers
 * @param objects GEM objects it owns that we can see
 * @param rss summed size of the dma-bufs it references, or null
 * @param pss its share of them, or null
 */
public record ProcessRow(int pid, String comm, String cmdline, Integer uid, int drmFiles, int dmaBufFds,
        int mappings, int objects, Long rss, Long pss) {

    public static ProcessRow of(int pid, SnapshotIndex index) {
        ProcessInfo p = index.process(pid);
        Totals.ProcessUsage u = index.usage(pid);
        int owned = index.objectsOwnedBy(pid);
        String comm = p != null ? p.comm() : index.clientsOf(pid).stream().map(c -> c.comm()).findFirst().orElse("?");
        return new ProcessRow(pid, comm, p == null ? "" : p.cmdline(), p == null ? null : p.uid(),
                index.clientsOf(pid).size(),
                (int) index.holdersOf(pid).stream().filter(h -> h.kind() == Holder.Kind.DMABUF).count(),
                index.mappingsOf(pid).size(), owned,
                u == null ? null : u.rssBytes(), u == null ? null : u.pssBytes());
    }

    public String label() {
        return comm + " [" + pid + "]";
    }
}
