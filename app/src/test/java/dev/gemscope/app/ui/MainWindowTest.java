package dev.gemscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.objects.GemObjectRow;
import dev.gemscope.app.source.SnapshotSource;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

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
    void demoCaptureIsMarkedAsACaptureAndListsItsObjects(FxRobot robot) {
        app.open(SnapshotSource.demo(TestData.demoCapture()));

        assertEquals("DEMO CAPTURE", robot.lookup("#source-badge").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#source-text").queryAs(Label.class).getText().contains("not a live view"));
        TableView<GemObjectRow> table = robot.lookup("#objects-table").queryTableView();
        assertEquals(7, table.getItems().size());
        assertEquals("7 GEM objects", robot.lookup("#objects-count").queryAs(Label.class).getText());

        robot.clickOn(robot.lookup("#objects-table .table-row-cell").nth(3).queryAs(javafx.scene.Node.class));
        AppHarness.waitFor(() -> app.vm.detailsProperty().get().title().startsWith("GEM object"));
        Screenshots.save(app.stage.getScene(), "01-objects");
    }
}
