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
 * @param probeResults the PRIME rule battery's rows when the snapshot was written by
 *     {@code gemscope probe}; empty otherwise (and in files written before the battery existed)
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
        List<Warning> warnings,
        List<ProbeResult> probeResults) {

    /** A snapshot without probe results: what {@code collect} and every older caller build. */
    public Snapshot(String capturedAt, String host, String kernelRelease, String origin, List<SourceRead> sources,
            VisibilityReport visibility, List<ProcessInfo> processes, List<DrmDevice> devices,
            List<DrmClient> clients, List<GemObject> gemObjects, List<DmaBuf> dmaBufs,
            List<Attachment> attachments, List<Holder> holders, List<Mapping> mappings,
            List<FailedOperation> failedOperations, Totals totals, List<Warning> warnings) {
        this(capturedAt, host, kernelRelease, origin, sources, visibility, processes, devices, clients, gemObjects,
                dmaBufs, attachments, holders, mappings, failedOperations, totals, warnings, List.of());
    }

    /** The same snapshot with these probe results and failed operations added. */
    public Snapshot withProbe(List<ProbeResult> results, List<FailedOperation> probeFailures) {
        List<FailedOperation> failures = new java.util.ArrayList<>(failedOperations);
        failures.addAll(probeFailures);
        List<ProbeResult> all = new java.util.ArrayList<>(probeResults);
        all.addAll(results);
        return new Snapshot(capturedAt, host, kernelRelease, origin, sources, visibility, processes, devices, clients,
                gemObjects, dmaBufs, attachments, holders, mappings, failures, totals, warnings, all);
    }

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
        probeResults = Lists.copy(probeResults);
    }
}
