package dev.gemscope.backend.collect;

import dev.gemscope.backend.model.DmaBuf;
import dev.gemscope.backend.model.Holder;
import dev.gemscope.backend.model.Mapping;
import dev.gemscope.backend.model.ProcessInfo;
import dev.gemscope.backend.model.Totals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Totals without double counting: each buffer once system-wide; per process, RSS is the size of the
 * buffers it references (fd or mapping, each buffer once), PSS divides each buffer by the number of
 * processes referencing it (as AOSP dmabuf_dump does).
 */
final class TotalsCalculator {

    private TotalsCalculator() {
    }

    static Totals compute(List<DmaBuf> buffers, List<Holder> holders, List<Mapping> mappings, List<ProcessInfo> processes) {
        Map<String, Long> sizes = new HashMap<>();
        long bytes = 0;
        for (DmaBuf b : buffers) {
            sizes.put(b.key(), b.size());
            bytes += b.size();
        }
        Map<Integer, Set<String>> byPid = new TreeMap<>();
        for (Holder h : holders) {
            if (h.dmaBufKey() != null) {
                byPid.computeIfAbsent(h.pid(), p -> new TreeSet<>()).add(h.dmaBufKey());
            }
        }
        for (Mapping m : mappings) {
            if (m.dmaBufKey() != null) {
                byPid.computeIfAbsent(m.pid(), p -> new TreeSet<>()).add(m.dmaBufKey());
            }
        }
        Map<String, Integer> sharers = new HashMap<>();
        byPid.values().forEach(keys -> keys.forEach(k -> sharers.merge(k, 1, Integer::sum)));
        Map<Integer, String> comms = new HashMap<>();
        processes.forEach(p -> comms.put(p.pid(), p.comm()));
        List<Totals.ProcessUsage> usage = new ArrayList<>();
        byPid.forEach((pid, keys) -> {
            long rss = 0;
            long pss = 0;
            for (String k : keys) {
                long size = sizes.getOrDefault(k, 0L);
                rss += size;
                pss += size / sharers.get(k);
            }
            usage.add(new Totals.ProcessUsage(pid, comms.getOrDefault(pid, "?"), keys.size(), rss, pss));
        });
        return new Totals(buffers.size(), bytes, usage);
    }
}
