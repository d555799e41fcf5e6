package dev.gemscope.app.main;

import java.nio.file.Path;
import java.util.Optional;

/** File choosers, behind an interface so view models are tested without a stage (JabRef's DialogService). */
public interface DialogService {

    /** Asks for a snapshot file to open; empty when cancelled. */
    Optional<Path> chooseSnapshotToOpen(String title);

    /** Asks where to write a file with the given extension ("json", "png", "dot"). */
    Optional<Path> chooseSaveTarget(String title, String extension, String suggestedName);

    /** Asks for a command line to stream snapshots from; empty when cancelled. */
    default Optional<String> askStreamCommand(String title, String explanation, String suggestion) {
        return Optional.empty();
    }
}
