package dev.gemscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.graph.FocusChoice;
import dev.gemscope.app.graph.GraphView;
import dev.gemscope.app.main.Screen;
import dev.gemscope.app.source.SnapshotSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GraphTest {

    private final AppHarness app = new AppHarness();

    @Start
    void start(Stage stage) {
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void anObjectIsFollowedFromItsTableToTheGraph(FxRobot robot) {
        app.open(SnapshotSource.demo(TestData.demoCapture()));
        robot.clickOn("GEM objects");
        Node row = robot.lookup("#objects-table .table-row-cell").nth(4).query();
        // Select, then Enter: the keyboard route. A robot double-click is not used here because in a real
        // GTK window on a loaded machine its two clicks can land further apart than the double-click time.
        robot.clickOn(row);
        robot.type(KeyCode.ENTER);
        AppHarness.waitFor(() -> app.vm.screenProperty().get() == Screen.GRAPH);
        assertEquals("tab-graph", robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId());
        String selected = app.vm.graph().selectedProperty().get();
        assertEquals("gem:vgem/export:ino:57", selected);
        AppHarness.waitFor(() -> robot.lookup(node(selected)).tryQuery().isPresent());
        Node buffer = robot.lookup(node("buf:ino:57")).query();
        Node unrelated = robot.lookup(node("proc:2185")).query();
        assertEquals(1.0, buffer.getOpacity(), "the neighbour stays lit");
        assertTrue(unrelated.getOpacity() < 0.5, "everything else is dimmed");
        assertEquals("GEM object vgem/export:ino:57", robot.lookup("#details-title").queryAs(Label.class).getText());
        Screenshots.save(app.stage.getScene(), "04-graph-selected");
    }

    @Test
    void doubleClickingARowFollowsItToTheGraph(FxRobot robot) {
        app.open(SnapshotSource.demo(TestData.demoCapture()));
        robot.clickOn("GEM objects");
        TableRow<?> row = robot.lookup("#objects-table .table-row-cell").nth(3).queryAs(TableRow.class);
        // The double-click itself is fired as one event with click count 2 (see the test above for why).
        robot.interact(() -> Event.fireEvent(row, new MouseEvent(MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5,
                MouseButton.PRIMARY, 2, false, false, false, false, true, false, false, true, false, true, null)));
        AppHarness.waitFor(() -> app.vm.screenProperty().get() == Screen.GRAPH);
        assertEquals("gem:vgem/export:ino:41", app.vm.graph().selectedProperty().get());
    }

    @Test
    void clickingANodeShowsItsDetailsAndFocusNarrowsTheGraph(FxRobot robot) {
        app.open(SnapshotSource.demo(TestData.demoCapture()));
        robot.clickOn("Sharing graph");
        AppHarness.waitFor(() -> robot.lookup(node("proc:2301")).tryQuery().isPresent());
        Screenshots.save(app.stage.getScene(), "04-graph-whole");
        robot.clickOn(robot.lookup(node("proc:2301")).queryAs(Node.class));
        AppHarness.waitFor(() -> "proc:2301".equals(app.vm.graph().selectedProperty().get()));
        assertEquals("Process prime-render [2301]", robot.lookup("#details-title").queryAs(Label.class).getText());

        @SuppressWarnings("unchecked")
        ComboBox<FocusChoice> focus = robot.lookup("#graph-focus").queryAs(ComboBox.class);
        robot.interact(() -> focus.getSelectionModel().select(
                focus.getItems().stream().filter(c -> "buf:ino:41".equals(c.nodeId())).findFirst().orElseThrow()));
        AppHarness.waitFor(() -> robot.lookup(node("proc:2190")).tryQuery().isEmpty());
        assertTrue(robot.lookup(node("buf:ino:41")).tryQuery().isPresent());
        assertTrue(robot.lookup("#graph-info").queryAs(Label.class).getText().contains("nodes"));
        Screenshots.save(app.stage.getScene(), "04-graph-focus-buffer");
    }

    @Test
    void theGraphExportsAsPngAndDot(FxRobot robot, @TempDir Path dir) throws Exception {
        app.open(SnapshotSource.file(TestData.fixtureSnapshot("6.12-i915-regions")));
        robot.clickOn("Sharing graph");
        AppHarness.waitFor(() -> !app.vm.graph().layoutProperty().get().nodes().isEmpty());
        Path png = dir.resolve("graph.png");
        Path dot = dir.resolve("graph.dot");
        app.dialogs.answer(png).answer(dot);
        robot.clickOn("#graph-export-png");
        robot.clickOn("#graph-export-dot");
        AppHarness.waitFor(() -> Files.exists(png) && Files.exists(dot));
        var image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 400 && image.getHeight() > 200, image.getWidth() + "x" + image.getHeight());
        assertTrue(Files.readString(dot).contains("digraph gemscope"));
        Files.copy(png, TestData.screenshots().resolve("04-graph-export-6.12.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Screenshots.save(app.stage.getScene(), "04-graph-6.12");
    }

    private static String node(String id) {
        return "#" + GraphView.cssId(id);
    }
}
