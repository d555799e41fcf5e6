package dev.gemscope.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.fx.DirectTaskExecutor;
import dev.gemscope.app.source.SnapshotLoader;
import dev.gemscope.app.source.SnapshotSource;
import dev.gemscope.app.ui.StubDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main view model on the direct executor: no stage, no FX thread. */
class MainViewModelTest {

    private final StubDialogs dialogs = new StubDialogs();
    private final MainViewModel vm = new MainViewModel(new DirectTaskExecutor(), new SnapshotLoader(), dialogs);

    @Test
    void theDemoCaptureFillsEveryTabAndSaysItIsACapture() {
        vm.open(SnapshotSource.demo(TestData.demoCapture()));

        assertEquals("DEMO CAPTURE", vm.sourceBadgeProperty().get());
        assertTrue(vm.sourceTextProperty().get().contains("not a live view"));
        assertTrue(vm.titleProperty().get().endsWith("(capture)"));
        assertEquals(7, vm.objects().table().rows().size());
        assertEquals(2, vm.dmaBufs().table().rows().size());
        assertEquals(3, vm.processes().processes().rows().size());
        assertEquals(4, vm.processes().clients().rows().size());
        assertEquals(0, vm.failures().table().rows().size());
        assertTrue(vm.failures().table().emptyTextProperty().get().contains("probe and watch"));
        assertEquals(3, vm.devices().rows().size());
        assertTrue(vm.visibility().completeProperty().get());
        assertNull(vm.noticeProperty().get());
    }

    @Test
    void aBrokenFileIsANoticeNotAStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "not json");
        vm.openFile(bad);
        Notice n = vm.noticeProperty().get();
        assertEquals(Notice.Level.ERROR, n.level());
        assertTrue(n.text().startsWith("Could not open bad.json: "), n.text());
        assertTrue(n.text().contains("not valid JSON"), n.text());
        assertFalse(n.text().contains("Exception"), n.text());
        assertNull(vm.getSnapshot());
    }

    @Test
    void selectingARowShowsItsDetails() {
        vm.open(SnapshotSource.demo(TestData.demoCapture()));
        vm.dmaBufs().reveal("ino:57");
        assertEquals("dma-buf ino 57", vm.detailsProperty().get().title());
        assertEquals("8294400", vm.detailsProperty().get().value("inode") == null ? null : "8294400");
        assertEquals("7.9 MiB (8294400 B)", vm.detailsProperty().get().value("size"));
    }

    @Test
    void goingFromAnObjectToItsBufferSwitchesTab() {
        vm.open(SnapshotSource.demo(TestData.demoCapture()));
        vm.showObject("0000:00:02.0/import:ino:57");
        assertEquals(Screen.OBJECTS, vm.screenProperty().get());
        vm.objects().table().actions().stream().filter(a -> a.label().equals("Go to its dma-buf")).findFirst()
                .orElseThrow().action().accept(vm.objects().table().getSelected());
        assertEquals(Screen.DMABUFS, vm.screenProperty().get());
        assertEquals("ino:57", vm.dmaBufs().table().getSelected().key());
    }

    @Test
    void aDeviceNarrowsTheTablesAndShowsItsDetails() {
        vm.open(SnapshotSource.demo(TestData.demoCapture()));
        vm.devices().selectedProperty().set(vm.devices().rows().get(2));
        assertEquals("vgem", vm.devices().selectedDeviceId());
        assertEquals(4, vm.objects().table().visibleRows().size());
        assertEquals(1, vm.processes().clients().visibleRows().size());
        assertEquals(2, vm.dmaBufs().table().visibleRows().size());
        assertTrue(vm.detailsProperty().get().title().startsWith("Device vgem"));
        vm.showBuffer("ino:41");
        assertNull(vm.devices().selectedDeviceId());
    }

    @Test
    void saveWritesWhatIsOnScreen(@TempDir Path dir) {
        vm.open(SnapshotSource.demo(TestData.demoCapture()));
        Path out = dir.resolve("saved.json");
        dialogs.answer(out);
        vm.saveWithDialog();
        assertEquals(vm.getSnapshot(), TestData.read(out));
        assertTrue(vm.noticeProperty().get().text().startsWith("Saved "));
    }

    @Test
    void aTreeIsCollectedLiveAndCanBeRefreshed() {
        vm.open(SnapshotSource.tree(TestData.fixtureRoot("6.12-i915-regions")));
        assertEquals("TREE", vm.sourceBadgeProperty().get());
        assertTrue(vm.isCollected());
        var first = vm.getSnapshot();
        vm.refresh();
        assertNotNull(vm.getSnapshot());
        assertEquals(first.dmaBufs(), vm.getSnapshot().dmaBufs());
    }

    @Test
    void anObjectCanBeFollowedToTheGraph() {
        vm.open(SnapshotSource.demo(TestData.demoCapture()));
        vm.showObject("vgem/export:ino:57");
        vm.objects().table().actions().get(0).action().accept(vm.objects().table().getSelected());
        assertEquals(Screen.GRAPH, vm.screenProperty().get());
        assertEquals("gem:vgem/export:ino:57", vm.graph().selectedProperty().get());
        assertTrue(vm.graph().highlightProperty().get().nodes().contains("buf:ino:57"));
        assertEquals("GEM object vgem/export:ino:57", vm.detailsProperty().get().title());
    }

    @Test
    void comparingFindsTheLeakAndSwitchesToCompare(@TempDir Path dir) throws Exception {
        vm.open(SnapshotSource.demo(TestData.demoCapture()));
        Path later = dir.resolve("later.json");
        new SnapshotLoader().save(TestData.demoWithLeak(), later);
        dialogs.answer(later);
        vm.compareWithDialog();
        assertEquals(Screen.COMPARE, vm.screenProperty().get());
        assertTrue(vm.compare().headlineProperty().get().startsWith("A: demo capture"), vm.compare().headlineProperty().get());
        assertTrue(vm.compare().summaryProperty().get().contains("most sway [2190] by 4 MiB"));
        assertEquals(2190, vm.compare().processes().rows().get(0).pid(), "the biggest change comes first");
    }

    @Test
    void liveRefreshesFeedTheChartFlashNewRowsAndTheBaseline() {
        var snapshots = new java.util.ArrayDeque<>(java.util.List.of(TestData.demo(), TestData.demoWithLeak()));
        MainViewModel live = new MainViewModel(new DirectTaskExecutor(), new SnapshotLoader() {
            @Override
            public dev.gemscope.backend.model.Snapshot load(SnapshotSource source, dev.gemscope.app.fx.Job.Progress p) {
                return snapshots.size() > 1 ? snapshots.poll() : snapshots.peek();
            }
        }, dialogs);
        live.open(SnapshotSource.live());
        assertEquals("LIVE", live.sourceBadgeProperty().get());
        live.markBaseline();
        assertEquals(Screen.COMPARE, live.screenProperty().get());
        live.refresh();
        assertEquals(2, live.history().samples().size());
        assertTrue(live.dmaBufs().table().highlightProperty().get()
                .test(live.dmaBufs().table().rows().stream().filter(r -> r.key().equals("ino:99")).findFirst().orElseThrow()));
        assertTrue(live.compare().summaryProperty().get().startsWith("1 new, 1 gone dma-bufs"),
                live.compare().summaryProperty().get());
        live.pausedProperty().set(true);
        live.dispose();
    }

    @Test
    void aFailedOperationLeadsToItsObject(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("probe.json");
        new SnapshotLoader().save(TestData.demoWithFailures(), file);
        vm.openFile(file);
        var failures = vm.failures().table();
        assertEquals(3, failures.rows().size());
        assertTrue(failures.rows().get(0).byDesign());
        assertFalse(failures.rows().get(1).byDesign());
        assertEquals("expected", failures.rows().get(0).byDesignLabel());
        assertEquals("", failures.rows().get(1).byDesignLabel(), "no verdict and no hint in the text: unknown");
        assertEquals("unexpected", failures.rows().get(2).byDesignLabel());
        failures.reveal(r -> r.failure().errnoName().equals("EINVAL"));
        assertEquals("EINVAL (22)", vm.detailsProperty().get().value("error"));
        failures.actions().get(0).action().accept(failures.getSelected());
        assertEquals(Screen.OBJECTS, vm.screenProperty().get());
        assertEquals("0000:00:02.0/import:ino:57", vm.objects().table().getSelected().id());
        failures.actions().get(0).action().accept(failures.rows().get(1));
        assertEquals(Screen.DMABUFS, vm.screenProperty().get());
        assertEquals("ino:41", vm.dmaBufs().table().getSelected().key());
    }
}
