package dev.gemscope.backend.cli;

import dev.gemscope.backend.model.Snapshot;

/** Maps a snapshot's visibility to an exit code. */
final class Outcome {
    private Outcome() {
    }

    static int exitCode(Snapshot snapshot, boolean strict) {
        return strict && !snapshot.visibility().complete() ? ExitCodes.PARTIAL : ExitCodes.OK;
    }
}
