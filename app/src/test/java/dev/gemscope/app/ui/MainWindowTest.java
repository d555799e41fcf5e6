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

    @Test
    void dmaBufsShowFencesHoldersAndPerProcessShares(FxRobot robot) {
        app.open(SnapshotSource.demo(TestData.demoCapture()));
        robot.clickOn("DMA-BUFs");
        TableView<?> buffers = robot.lookup("#dmabufs-table").queryTableView();
        assertEquals(2, buffers.getItems().size());
        robot.clickOn(robot.lookup("#dmabufs-table .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        AppHarness.waitFor(() -> "dma-buf ino 57".equals(app.vm.detailsProperty().get().title()));
        assertTrue(robot.lookup("1 pending (write)").tryQuery().isPresent(), "the pending fence is shown");
        assertTrue(robot.lookup("#dmabuf-summary").queryAs(Label.class).getText()
                .startsWith("2 dma-bufs, 8.2 MiB with each buffer counted once"));
        TableView<?> usage = robot.lookup("#usage-table").queryTableView();
        assertEquals(2, usage.getItems().size());
        Screenshots.save(app.stage.getScene(), "02-dmabufs");
    }

    @Test
    void processesShowTheirClientsWithMemoryPerRegion(FxRobot robot) {
        app.open(SnapshotSource.file(TestData.fixtureSnapshot("6.12-i915-regions")));
        assertEquals("CAPTURE", robot.lookup("#source-badge").queryAs(Label.class).getText());
        robot.clickOn("Processes & clients");
        robot.clickOn(robot.lookup("#processes-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        AppHarness.waitFor(() -> app.vm.detailsProperty().get().title().startsWith("Process "));
        TableView<?> clients = robot.lookup("#clients-table").queryTableView();
        int pid = app.vm.processes().processes().getSelected().pid();
        assertTrue(clients.getItems().stream().allMatch(c -> ((dev.gemscope.app.processes.ClientRow) c).client().pid() == pid));
        Screenshots.save(app.stage.getScene(), "03-processes");
    }

    @Test
    void failedOperationsExplainWhyTheyAreEmpty(FxRobot robot) {
        app.open(SnapshotSource.demo(TestData.demoCapture()));
        robot.clickOn("Failed operations");
        assertTrue(robot.lookup("#failures .empty-state").queryAs(Label.class).getText().contains("probe and watch"));
        Screenshots.save(app.stage.getScene(), "05-failures-empty");
    }

    @Test
    void filteringNarrowsTheTableAndSaysSo(FxRobot robot) {
        app.open(SnapshotSource.demo(TestData.demoCapture()));
        robot.clickOn("#objects-filter").write("backing=imported");
        AppHarness.waitFor(() -> app.vm.objects().table().visibleRows().size() == 3);
        assertEquals("3 of 7 GEM objects", robot.lookup("#objects-count").queryAs(Label.class).getText());
        TableView<?> table = robot.lookup("#objects-table").queryTableView();
        assertEquals(3, table.getItems().size());
    }

    @Test
    void failedOperationsAreListedWithTheirExplanation(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("probe-run.json");
        new dev.gemscope.app.source.SnapshotLoader().save(TestData.demoWithFailures(), file);
        app.open(SnapshotSource.file(file));
        robot.clickOn("Failed operations");
        TableView<?> table = robot.lookup("#failures-table").queryTableView();
        assertEquals(3, table.getItems().size());
        robot.clickOn(robot.lookup("#failures-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        AppHarness.waitFor(() -> app.vm.detailsProperty().get().title().equals("Failed DRM_IOCTL_I915_GEM_PREAD"));
        assertTrue(robot.lookup("expected").tryQuery().isPresent(), "the by-design marker is shown");
        assertTrue(robot.lookup("unexpected").tryQuery().isPresent(), "so is the opposite verdict");
        assertEquals(3, robot.lookup("#probe-table").queryTableView().getItems().size(), "the probe's rule results");
        assertTrue(robot.lookup("not applicable").tryQuery().isPresent());
        Screenshots.save(app.stage.getScene(), "05-failures");
        robot.clickOn(robot.lookup("#probe-table .table-row-cell").nth(2).queryAs(javafx.scene.Node.class));
        AppHarness.waitFor(() -> app.vm.detailsProperty().get().title().equals("Probe rule 11-udmabuf on vgem (vgem)"));
        robot.clickOn(robot.lookup("#failures-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        AppHarness.waitFor(() -> app.vm.detailsProperty().get().title().equals("Failed DRM_IOCTL_I915_GEM_PREAD"));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        AppHarness.waitFor(() -> app.vm.screenProperty().get() == dev.gemscope.app.main.Screen.OBJECTS);
        assertEquals("0000:00:02.0/import:ino:57", app.vm.objects().table().getSelected().id());
    }

    @Test
    void keyboardSwitchesTabsAndFocusesTheFilter(FxRobot robot) {
        app.open(SnapshotSource.demo(TestData.demoCapture()));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT2)
                .release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.CONTROL);
        AppHarness.waitFor(() -> app.vm.screenProperty().get() == dev.gemscope.app.main.Screen.DMABUFS);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCode.CONTROL);
        AppHarness.waitFor(() -> robot.lookup("#dmabufs-filter").query().isFocused());
        robot.write("ino 57");
        AppHarness.waitFor(() -> app.vm.dmaBufs().table().visibleRows().size() == 1);
    }

    @Test
    void partialVisibilitySaysWhatIsMissingWhyAndTheRemedy(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("unprivileged.json");
        new dev.gemscope.app.source.SnapshotLoader().save(TestData.demoUnprivileged(), file);
        app.open(SnapshotSource.file(file));
        String headline = robot.lookup("#visibility-headline").queryAs(Label.class).getText();
        assertEquals("Partial view: 2 things could not be seen (212 processes scanned, 37 denied, 3 vanished during "
                + "the scan).", headline);
        javafx.scene.layout.VBox issues = robot.lookup("#visibility-issues").queryAs(javafx.scene.layout.VBox.class);
        assertTrue(issues.isVisible());
        assertEquals(3, issues.getChildren().size());
        assertTrue(((Label) issues.getChildren().get(0)).getText().startsWith("• debugfs: dma-buf attachments"));
        assertTrue(((Label) issues.getChildren().get(2)).getText().contains("sudo ./gemscope collect"));
        Screenshots.save(app.stage.getScene(), "08-partial-visibility");
    }
}
