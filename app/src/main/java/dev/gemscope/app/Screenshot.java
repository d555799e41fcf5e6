package dev.gemscope.app;

import dev.gemscope.app.main.MainViewModel;
import dev.gemscope.app.main.Notice;
import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Takes the {@code --screenshot} picture: waits for the first snapshot to be on screen (or an error,
 * or a timeout), writes the window's scene as PNG and closes the window, which ends the app. The
 * launcher decides the exit code from whether the file was written.
 */
final class Screenshot {

    /** Collecting or reading the demo capture takes a few seconds; a minute means it is stuck. */
    private static final Duration TIMEOUT = Duration.seconds(60);
    /** One more pulse or two after the rows are swapped in, so the window on the X server is drawn too. */
    private static final Duration SETTLE = Duration.millis(500);

    private final Stage stage;
    private final MainViewModel vm;
    private final Path file;
    private final PauseTransition timeout = new PauseTransition(TIMEOUT);
    private boolean done;

    private Screenshot(Stage stage, MainViewModel vm, Path file) {
        this.stage = stage;
        this.vm = vm;
        this.file = file;
    }

    /** Arms the screenshot; call on the FX thread before the first source is opened. */
    static void whenShown(Stage stage, MainViewModel vm, Path file) {
        new Screenshot(stage, vm, file).arm();
    }

    private void arm() {
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s != null && !done) {
                PauseTransition settle = new PauseTransition(SETTLE);
                settle.setOnFinished(e -> take());
                settle.play();
            }
        });
        vm.noticeProperty().addListener((o, a, n) -> {
            if (n != null && n.level() == Notice.Level.ERROR) {
                fail(n.text());
            }
        });
        timeout.setOnFinished(e -> fail("nothing was shown within " + (int) TIMEOUT.toSeconds() + " s"));
        timeout.play();
    }

    private void take() {
        if (done) {
            return;
        }
        WritableImage image = stage.getScene().snapshot(null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            System.err.printf("gemscope: screenshot of '%s' (%dx%d) written to %s%n", stage.getTitle(),
                    (int) image.getWidth(), (int) image.getHeight(), file);
        } catch (IOException e) {
            System.err.println("gemscope: could not write the screenshot " + file + ": " + e.getMessage());
        }
        finish();
    }

    private void fail(String why) {
        if (!done) {
            System.err.println("gemscope: no screenshot: " + why);
            finish();
        }
    }

    private void finish() {
        done = true;
        timeout.stop();
        stage.close();
    }
}
