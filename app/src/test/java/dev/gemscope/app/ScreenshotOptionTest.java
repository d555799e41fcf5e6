package dev.gemscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScreenshotOptionTest {

    @Test
    void theFileIsNotTakenForASnapshotToOpen() {
        ScreenshotOption o = ScreenshotOption.parse(List.of("--screenshot", "shot.png", "capture.json"));
        assertEquals(Optional.of(Path.of("shot.png")), o.file());
        assertEquals(List.of("capture.json"), o.rest());
    }

    @Test
    void theEqualsFormWorksBesideRoot() {
        ScreenshotOption o = ScreenshotOption.parse(List.of("--root", "tree", "--screenshot=/tmp/a.png"));
        assertEquals(Optional.of(Path.of("/tmp/a.png")), o.file());
        assertEquals(List.of("--root", "tree"), o.rest());
    }

    @Test
    void withoutTheOptionNothingChanges() {
        ScreenshotOption o = ScreenshotOption.parse(List.of("capture.json"));
        assertEquals(Optional.empty(), o.file());
        assertEquals(List.of("capture.json"), o.rest());
    }

    @Test
    void aMissingFileIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ScreenshotOption.parse(List.of("--screenshot")));
    }
}
