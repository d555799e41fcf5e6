package dev.gemscope.backend.model;

import java.util.List;

/**
 * Memory totals, each buffer counted once however many processes share it.
 *
 * @param dmaBufCount buffers in the snapshot
 * @param dmaBufBytes their summed size (each buffer once)
 * @param perProcess per-process figures, RSS- and PSS-like as AOSP dmabuf_dump computes them
 */
public record Totals(long dmaBufCount, long dmaBufBytes, List<ProcessUsage> perProcess) {

    public static final Totals EMPTY = new Totals(0, 0, List.of());

    public Totals {
        perProcess = Lists.copy(perProcess);
    }

    /**
     * One process's share.
     *
     * @param buffers distinct buffers it references by fd or mapping
     * @param rssBytes the summed size of those buffers
     * @param pssBytes each buffer's size divided by the number of processes referencing it
     */
    public record ProcessUsage(int pid, String comm, int buffers, long rssBytes, long pssBytes) {
    }
}
