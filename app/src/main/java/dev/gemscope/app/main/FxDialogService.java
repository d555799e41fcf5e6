package dev.gemscope.app.main;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File choosers on a real window. */
public final class FxDialogService implements DialogService {

    private final Window owner;
    private File lastDirectory;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseSnapshotToOpen(String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("gemscope snapshots and bundles (*.json, *.zip)", "*.json", "*.zip"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseSaveTarget(String title, String extension, String suggestedName) {
        FileChooser chooser = chooser(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("*." + extension, "*." + extension));
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<String> askStreamCommand(String title, String explanation, String suggestion) {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(suggestion);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(explanation);
        dialog.getEditor().setPrefColumnCount(50);
        dialog.getEditor().setId("stream-command");
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file != null) {
            lastDirectory = file.getParentFile();
        }
        return Optional.ofNullable(file).map(File::toPath);
    }
}
