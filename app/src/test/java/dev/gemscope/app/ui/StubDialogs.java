package dev.gemscope.app.ui;

import dev.gemscope.app.main.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Answers file choosers from a queue, so tests can open, save and export without a dialog. */
public final class StubDialogs implements DialogService {

    private final Deque<Path> answers = new ArrayDeque<>();
    private final Deque<String> commands = new ArrayDeque<>();

    public StubDialogs answer(Path path) {
        answers.add(path);
        return this;
    }

    /** The next answer to "Remote/command…". */
    public StubDialogs answerCommand(String commandLine) {
        commands.add(commandLine);
        return this;
    }

    @Override
    public Optional<String> askStreamCommand(String title, String explanation, String suggestion) {
        return Optional.ofNullable(commands.poll());
    }

    @Override
    public Optional<Path> chooseSnapshotToOpen(String title) {
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> chooseSaveTarget(String title, String extension, String suggestedName) {
        return Optional.ofNullable(answers.poll());
    }
}
