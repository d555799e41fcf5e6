package dev.gemscope.backend.model;

import java.util.List;

/**
 * Everything gemscope saw on one machine at one moment: the immutable result of a collection and
 * the content of a snapshot file. Lists are in a deterministic order (see {@code SnapshotOrder}) so
 * two snapshot files of the same state diff cleanly.
 *
 * @param capturedAt ISO-8601 instant of the collection
 * @param host host name of the machine that was read
 * @param kernelRelease {@code uname -r} of that machine
 * @param origin what was read: {@code "live"} or the captured tree's path
 * @param sources every kernel file or directory family read, with outcome and detected format
 * @param visibility what could not be seen and why: part of every output
 */
public record Snapshot(
        String capturedAt,
        String host,
        String kernelRelease,
        String origin,
        List<SourceRead> sources,
        VisibilityReport visibility,
        List<ProcessInfo> processes,
        List<DrmDevice> devices,
        List<DrmClient> clients,
        List<GemObject> gemObjects,
        List<DmaBuf> dmaBufs,
        List<Attachment> attachments,
        List<Holder> holders,
        List<Mapping> mappings,
        List<FailedOperation> failedOperations,
        Totals totals,
        List<Warning> warnings) {

    public Snapshot {
        sources = Lists.copy(sources);
        visibility = visibility == null ? VisibilityReport.full() : visibility;
        processes = Lists.copy(processes);
        devices = Lists.copy(devices);
        clients = Lists.copy(clients);
        gemObjects = Lists.copy(gemObjects);
        dmaBufs = Lists.copy(dmaBufs);
        attachments = Lists.copy(attachments);
        holders = Lists.copy(holders);
        mappings = Lists.copy(mappings);
        failedOperations = Lists.copy(failedOperations);
        totals = totals == null ? Totals.EMPTY : totals;
        warnings = Lists.copy(warnings);
    }
}
