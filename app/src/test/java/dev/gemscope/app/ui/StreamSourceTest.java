package dev.gemscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.main.Notice;
import dev.gemscope.app.source.SnapshotSource;
import dev.gemscope.app.stream.SnapshotStream;
import dev.gemscope.app.stream.StreamCommand;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real stream command ({@code gemscope collect --stream} on a fixture tree, in a child JVM of the
 * built classes) entered through "Remote/command…": its snapshots arrive on screen, and the child
 * is ended when another source is opened.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StreamSourceTest {

    private final AppHarness app = new AppHarness();

    @Start
    void start(Stage stage) {
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static List<String> collectStream(String... more) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.gemscope.backend.cli.Main", "collect", "--stream",
                "--root", TestData.fixtureRoot("7.2-i915-vgem").toString()));
        argv.addAll(List.of(more));
        return argv;
    }

    private static String quoted(List<String> argv) {
        return String.join(" ", argv.stream().map(a -> "'" + a + "'").toList());
    }

    @Test
    void snapshotsFromARemoteCommandArriveOnScreen(FxRobot robot) {
        app.dialogs.answerCommand(quoted(collectStream("--count", "3", "--interval", "1")));
        robot.clickOn("#stream-command");
        AppHarness.waitForLong(() -> app.vm.getSnapshot() != null);
        assertEquals(SnapshotSource.Kind.STREAM, app.vm.sourceProperty().get().kind());
        assertEquals("STREAM", robot.lookup("#source-badge").queryAs(Label.class).getText());
        assertEquals("rpl-dev", app.vm.getSnapshot().host());
        assertEquals(2, app.vm.dmaBufs().table().rows().size());

        // --count 3: the stream ends by itself with status 0, after (up to) three snapshots on screen.
        AppHarness.waitForLong(() -> app.vm.noticeProperty().get() != null
                && app.vm.noticeProperty().get().text().contains("ended"));
        Notice end = app.vm.noticeProperty().get();
        assertEquals(Notice.Level.INFO, end.level(), end.text());
        int seen = app.vm.history().samples().size();
        assertTrue(seen >= 2 && seen <= 3, "snapshots shown: " + seen);
        Screenshots.save(app.stage.getScene(), "stream-source");
    }

    @Test
    void theChildIsEndedWhenAnotherSourceIsOpened() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.vm.openStream(new StreamCommand(collectStream("--interval", "1"),
                "fixture stream", false)));
        AppHarness.waitForLong(() -> app.vm.getSnapshot() != null);
        long pid = ((SnapshotStream) app.vm.stream().orElseThrow()).pid();
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        assertTrue(child.isPresent() && child.get().isAlive());
        app.open(SnapshotSource.demo(TestData.demoCapture()));
        assertTrue(child.get().onExit().get(20, TimeUnit.SECONDS) != null, "child ended");
        assertTrue(!child.get().isAlive());
    }
}
