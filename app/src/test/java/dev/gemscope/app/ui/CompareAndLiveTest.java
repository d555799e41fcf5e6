package dev.gemscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.compare.SnapshotDiff;
import dev.gemscope.app.fx.Job;
import dev.gemscope.app.main.Screen;
import dev.gemscope.app.source.SnapshotLoader;
import dev.gemscope.app.source.SnapshotSource;
import dev.gemscope.backend.model.Snapshot;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
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
class CompareAndLiveTest {

    /** "Live" collections: the demo, then the demo after a leak, then the same again. */
    private final ArrayDeque<Snapshot> collections = new ArrayDeque<>(List.of(TestData.demo(), TestData.demoWithLeak()));
    private final AppHarness app = new AppHarness(new SnapshotLoader() {
        @Override
        public Snapshot load(SnapshotSource source, Job.Progress progress) throws java.io.IOException,
                dev.gemscope.backend.snapshot.SnapshotFormatException {
            if (source.kind() != SnapshotSource.Kind.LIVE) {
                return super.load(source, progress);
            }
            synchronized (collections) {
                return collections.size() > 1 ? collections.poll() : collections.peek();
            }
        }
    });

    @Start
    void start(Stage stage) {
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void twoFixtureSnapshotsAreCompared(FxRobot robot) {
        app.open(SnapshotSource.file(TestData.fixtureSnapshot("7.2-i915-vgem")));
        app.dialogs.answer(TestData.fixtureSnapshot("6.12-i915-regions"));
        robot.clickOn("#compare");
        AppHarness.waitFor(() -> app.vm.screenProperty().get() == Screen.COMPARE);
        String headline = robot.lookup("#compare-headline").queryAs(Label.class).getText();
        // Same capture time: the snapshot on screen is A. Same file names: the directories tell them apart.
        assertTrue(headline.startsWith("A: 7.2-i915-vgem/expected-snapshot.json (rpl-dev"), headline);
        assertTrue(headline.contains("B: 6.12-i915-regions/expected-snapshot.json (thinkpad-x1"), headline);
        TableView<SnapshotDiff.ProcessChange> processes = robot.lookup("#compare-processes-table").queryTableView();
        assertTrue(processes.getItems().stream().anyMatch(p -> p.comm().equals("gnome-shell")
                && p.status() == SnapshotDiff.Kind.NEW), "gnome-shell exists only in B (6.12)");
        assertTrue(processes.getItems().stream().anyMatch(p -> p.comm().equals("sway")
                && p.status() == SnapshotDiff.Kind.GONE), "sway exists only in A (7.2)");
        assertEquals("2 new, 2 gone dma-bufs; GEM objects 7 new, 7 gone; 3 processes grew or appeared, most "
                + "gnome-shell [1402] by 7.4 MiB.", robot.lookup("#compare-summary").queryAs(Label.class).getText());
        Screenshots.save(app.stage.getScene(), "06-compare-fixtures");
    }

    @Test
    void theLeakFinderPutsTheGrowingProcessFirst(FxRobot robot, @TempDir Path dir) throws Exception {
        app.open(SnapshotSource.demo(TestData.demoCapture()));
        Path later = dir.resolve("demo-later.json");
        new SnapshotLoader().save(TestData.demoWithLeak(), later);
        app.dialogs.answer(later);
        robot.clickOn("#compare");
        AppHarness.waitFor(() -> app.vm.screenProperty().get() == Screen.COMPARE);
        assertEquals("1 new, 1 gone dma-bufs; GEM objects 1 new, 0 gone; 1 process grew, most sway [2190] by 4 MiB.",
                robot.lookup("#compare-summary").queryAs(Label.class).getText());
        TableView<SnapshotDiff.ProcessChange> processes = robot.lookup("#compare-processes-table").queryTableView();
        robot.clickOn(robot.lookup("#compare-processes-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        AppHarness.waitFor(() -> processes.getSelectionModel().getSelectedItem() != null);
        assertEquals(2190, processes.getSelectionModel().getSelectedItem().pid());
        TableView<SnapshotDiff.Change> changes = robot.lookup("#compare-changes-table").queryTableView();
        assertEquals(1, changes.getItems().size());
        assertEquals("ino 99", changes.getItems().get(0).id());
        Screenshots.save(app.stage.getScene(), "06-compare-leak");
    }

    @Test
    void liveModeRefreshesDrawsMemoryAndFlashesNewBuffers(FxRobot robot) {
        // Paused before it opens, so only the Refresh button collects: the 2 s schedule would race the
        // test (on a slow machine it took the second collection before a click on Pause could land).
        robot.interact(() -> app.vm.pausedProperty().set(true));
        // A real window on a loaded machine can take longer than the 3 s flash to report the click done.
        app.vm.dmaBufs().table().setFlashMillis(60_000);
        app.open(SnapshotSource.live());
        assertEquals("LIVE", robot.lookup("#source-badge").queryAs(Label.class).getText());
        assertEquals(1, app.vm.history().samples().size());
        robot.clickOn("DMA-BUFs");
        robot.clickOn("#refresh");
        AppHarness.waitFor(() -> app.vm.history().samples().size() == 2
                && robot.lookup("#dmabufs-table .table-row-cell.fresh").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#memory-chart .chart").queryAs(LineChart.class);
        assertTrue(chart.isVisible());
        assertTrue(chart.getData().stream().anyMatch(s -> s.getName().startsWith("dma-bufs") && s.getData().size() == 2));
        assertEquals("Last refresh: +1 / −0 dma-bufs, +1 / −0 GEM objects",
                robot.lookup("#memory-changes").queryAs(Label.class).getText());
        Screenshots.save(app.stage.getScene(), "07-live");
        robot.clickOn("#pause");
        assertTrue(!app.vm.pausedProperty().get());
    }
}
