package dev.gemscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.graph.GraphView;
import dev.gemscope.app.main.Screen;
import dev.gemscope.app.source.SnapshotSource;
import dev.gemscope.backend.model.Snapshot;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The GUI on what the kernels really said: the live compositor capture that is the no-device demo, and
 * the snapshots of the fixtures captured live in the QEMU bench (issue 4's ground-truth runs).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GroundTruthCapturesTest {

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
    void theLiveCompositorDemoFollowsTheImportedWindowToTheGraph(FxRobot robot) {
        app.open(SnapshotSource.demo(TestData.liveDemoCapture()));
        assertEquals("DEMO CAPTURE", robot.lookup("#source-badge").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#source-text").queryAs(Label.class).getText().contains("6.12.118+deb13-amd64"));

        robot.clickOn("DMA-BUFs");
        TableView<?> buffers = robot.lookup("#dmabufs-table").queryTableView();
        assertEquals(5, buffers.getItems().size(), "the five clients' buffers");
        assertTrue(robot.lookup("client-1-window").tryQuery().isPresent(), "buffer names set with SET_NAME are shown");

        robot.clickOn("GEM objects");
        robot.clickOn("#objects-filter").write("import");
        AppHarness.waitFor(() -> robot.lookup("#objects-table").queryTableView().getItems().size() == 1);
        robot.clickOn(robot.lookup("#objects-table .table-row-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.ENTER);
        AppHarness.waitFor(() -> app.vm.screenProperty().get() == Screen.GRAPH);
        String selected = app.vm.graph().selectedProperty().get();
        assertEquals("gem:vgem/import:ino:1", selected);
        AppHarness.waitFor(() -> robot.lookup("#" + GraphView.cssId(selected)).tryQuery().isPresent());
        assertTrue(robot.lookup("#" + GraphView.cssId("buf:ino:1")).tryQuery().isPresent(),
                "the window buffer the import came from is drawn");
        Screenshots.save(app.stage.getScene(), "09-live-compositor-graph");
        robot.clickOn("#graph-show-legend");
        assertTrue(!robot.lookup("#graph-legend").query().isVisible(), "the legend can be hidden");
        Screenshots.save(app.stage.getScene(), "09-live-compositor-graph-no-legend");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.1-offload", "6.12-compositor", "7.2-leak"})
    void capturedLiveFixturesOpenWithEveryBufferListed(String fixture, FxRobot robot) {
        Snapshot expected = TestData.read(TestData.fixtureSnapshot(fixture));
        app.open(SnapshotSource.file(TestData.fixtureSnapshot(fixture)));
        robot.clickOn("DMA-BUFs");
        assertEquals(expected.dmaBufs().size(), robot.lookup("#dmabufs-table").queryTableView().getItems().size());
        robot.clickOn("GEM objects");
        assertEquals(expected.gemObjects().size(), robot.lookup("#objects-table").queryTableView().getItems().size());
        if (fixture.equals("7.2-leak")) {
            Screenshots.save(app.stage.getScene(), "09-live-leak-7.2");
        }
    }
}
