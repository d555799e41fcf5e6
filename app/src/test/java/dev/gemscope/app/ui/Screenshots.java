package dev.gemscope.app.ui;

import dev.gemscope.app.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves a PNG of a scene under target/screenshots (docs/gui-testing.md: renders fully under Monocle). */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path save(Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        try {
            Path dir = TestData.screenshots();
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
