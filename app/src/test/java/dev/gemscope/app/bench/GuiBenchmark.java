package dev.gemscope.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gemscope.app.graph.GraphModel;
import dev.gemscope.app.graph.LayeredLayout;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.app.main.Screen;
import dev.gemscope.app.source.SnapshotLoader;
import dev.gemscope.app.source.SnapshotSource;
import dev.gemscope.app.ui.AppHarness;
import dev.gemscope.backend.model.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The GUI benchmark of issue 6 (not a timed test: excluded by default, run with
 * {@code mvn -B verify -pl app -am -Dgemscope.excludedGroups=none -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtest=GuiBenchmark}):
 * a capture with 100k GEM objects — time to first paint, filter latency, heap — and the graph
 * layout time for 5k nodes. Figures go to stdout and target/benchmark.txt.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class GuiBenchmark {

    private final AppHarness app = new AppHarness();
    private final List<String> report = new ArrayList<>();

    @Start
    void start(Stage stage) {
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Files.writeString(Path.of("target/benchmark.txt"), text, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void captureWith100kObjects(FxRobot robot, @TempDir Path dir) throws Exception {
        Snapshot big = SyntheticSnapshot.of(2000, 40);
        Path file = dir.resolve("big.json");
        new SnapshotLoader().save(big, file);
        report.add(String.format(Locale.ROOT, "capture: %d GEM objects, %d dma-bufs, %d processes, %.1f MB file",
                big.gemObjects().size(), big.dmaBufs().size(), big.processes().size(), Files.size(file) / 1e6));
        big = null;

        long t0 = System.nanoTime();
        app.open(SnapshotSource.file(file));
        TableView<?> table = robot.lookup("#objects-table").queryTableView();
        AppHarness.waitFor(() -> table.getItems().size() == 100_000 && robot.lookup("#objects-table .table-row-cell")
                .queryAll().stream().anyMatch(r -> ((javafx.scene.control.TableRow<?>) r).getItem() != null));
        long firstPaint = System.nanoTime() - t0;
        report.add(ms("open → first paint of the objects table", firstPaint));

        long t1 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> app.vm.objects().table().filterProperty().set("obj:10500:"));
        AppHarness.waitFor(() -> table.getItems().size() == 40);
        report.add(ms("filter 100k rows to 40 (type → table updated)", System.nanoTime() - t1));

        long t2 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> app.vm.objects().table().filterProperty().set(""));
        AppHarness.waitFor(() -> table.getItems().size() == 100_000);
        report.add(ms("clear the filter (40 → 100k rows)", System.nanoTime() - t2));

        long t3 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> app.vm.showInGraph("proc:10500"));
        WaitForAsyncUtils.asyncFx(() -> app.vm.graph().focusOn("proc:10500"));
        AppHarness.waitFor(() -> app.vm.screenProperty().get() == Screen.GRAPH
                && app.vm.graph().layoutProperty().get().nodes().containsKey("proc:10500"));
        report.add(ms("graph of one process of the big capture (focus + layout + draw)", System.nanoTime() - t3));

        System.gc();
        Thread.sleep(500);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        report.add(String.format(Locale.ROOT, "heap used after GC with the capture open: %.0f MB (max %.0f MB)",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6));
    }

    @Test
    void graphLayoutOf5kNodes(FxRobot robot, @TempDir Path dir) throws Exception {
        Snapshot s = SyntheticSnapshot.of(250, 12);
        GraphModel g = GraphModel.of(new SnapshotIndex(s));
        new LayeredLayout().layout(g, n -> new double[] {120, 40});
        long t0 = System.nanoTime();
        var layout = new LayeredLayout().layout(g, n -> new double[] {120, 40});
        report.add(String.format(Locale.ROOT, "layered layout of %d nodes / %d edges: %d ms (warm, layout only)",
                g.size(), g.edges().size(), (System.nanoTime() - t0) / 1_000_000));
        assertEquals(g.size(), layout.nodes().size());

        Path file = dir.resolve("graph5k.json");
        new SnapshotLoader().save(s, file);
        WaitForAsyncUtils.asyncFx(() -> app.vm.screenProperty().set(Screen.GRAPH));
        long t1 = System.nanoTime();
        app.open(SnapshotSource.file(file));
        AppHarness.waitFor(() -> app.vm.graph().layoutProperty().get().nodes().size() == g.size()
                && robot.lookup(".graph-node").queryAll().size() == g.size());
        report.add(ms("open a 5k-node capture on the graph tab → graph drawn (measure + layout + draw)",
                System.nanoTime() - t1));
    }

    private static String ms(String what, long nanos) {
        return String.format(Locale.ROOT, "%s: %d ms", what, nanos / 1_000_000);
    }
}
