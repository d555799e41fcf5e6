package dev.gemscope.app;

import dev.gemscope.app.fx.FxTaskExecutor;
import dev.gemscope.app.main.FxDialogService;
import dev.gemscope.app.main.MainView;
import dev.gemscope.app.main.MainViewModel;
import dev.gemscope.app.source.SnapshotLoader;
import dev.gemscope.app.source.SnapshotSource;
import dev.gemscope.app.source.StartupOptions;
import dev.gemscope.backend.source.SystemRoot;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: {@code gemscope gui [FILE | --root DIR] [--screenshot PNG]}. Opens FILE, or this machine
 * when it has a DRM device, else the bundled demo capture (marked as such). Started by {@link Launcher}.
 */
public final class GemscopeApp extends Application {

    public static final String STYLESHEET = "/dev/gemscope/app/app.css";

    private FxTaskExecutor executor;
    private MainViewModel vm;

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        vm = new MainViewModel(executor, new SnapshotLoader(), new FxDialogService(stage));
        MainView view = new MainView(vm);
        stage.setScene(scene(view));
        stage.titleProperty().bind(vm.titleProperty());
        stage.setOnHiding(e -> vm.dispose());
        ScreenshotOption shot = ScreenshotOption.parse(getParameters().getRaw());
        shot.file().ifPresent(f -> Screenshot.whenShown(stage, vm, f));
        stage.show();
        SnapshotSource first = StartupOptions.initialSource(shot.rest(), SystemRoot.live(),
                StartupOptions.home());
        vm.open(first);
    }

    /** The main scene at 1280×800 with the app's stylesheet. */
    public static Scene scene(MainView view) {
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(GemscopeApp.class.getResource(STYLESHEET)).toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.dispose();
        }
        if (executor != null) {
            executor.shutdown();
        }
    }
}
