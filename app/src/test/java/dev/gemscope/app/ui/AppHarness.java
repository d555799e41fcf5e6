package dev.gemscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.gemscope.app.GemscopeApp;
import dev.gemscope.app.fx.FxTaskExecutor;
import dev.gemscope.app.main.MainView;
import dev.gemscope.app.main.MainViewModel;
import dev.gemscope.app.source.SnapshotLoader;
import dev.gemscope.app.source.SnapshotSource;
import dev.gemscope.backend.model.Snapshot;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on a TestFX stage, with stub dialogs. */
public final class AppHarness {

    public final StubDialogs dialogs = new StubDialogs();
    public final FxTaskExecutor executor = new FxTaskExecutor();
    public final MainViewModel vm;
    public MainView view;
    public Stage stage;

    public AppHarness() {
        this(new SnapshotLoader());
    }

    public AppHarness(SnapshotLoader loader) {
        vm = new MainViewModel(executor, loader, dialogs);
    }

    /** Call from {@code @Start}. */
    public void start(Stage stage) {
        this.stage = stage;
        view = new MainView(vm);
        stage.setScene(GemscopeApp.scene(view));
        stage.titleProperty().bind(vm.titleProperty());
        stage.show();
    }

    /** Opens a source and waits until its snapshot is on screen. */
    public Snapshot open(SnapshotSource source) {
        Snapshot before = vm.getSnapshot();
        WaitForAsyncUtils.asyncFx(() -> vm.open(source));
        waitFor(() -> vm.getSnapshot() != null && vm.getSnapshot() != before && !executor.activity().isBusy());
        assertNotNull(vm.getSnapshot());
        return vm.getSnapshot();
    }

    public static void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for the UI", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** For work outside the app (a child JVM starting): up to two minutes on a loaded machine. */
    public static void waitForLong(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for the stream", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void stop() {
        WaitForAsyncUtils.asyncFx(vm::dispose);
        executor.shutdown();
    }
}
