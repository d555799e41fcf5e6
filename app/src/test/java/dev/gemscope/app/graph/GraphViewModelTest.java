package dev.gemscope.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.fx.DirectTaskExecutor;
import dev.gemscope.app.index.SnapshotIndex;
import dev.gemscope.backend.graph.SharingGraph.EdgeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphViewModelTest {

    private final GraphViewModel vm = new GraphViewModel(new DirectTaskExecutor(), new LayeredLayout());

    @BeforeEach
    void showDemo() {
        vm.show(new SnapshotIndex(TestData.demo()));
    }

    @Test
    void theWholeGraphIsLaidOut() {
        assertEquals(vm.full().size(), vm.shownProperty().get().size());
        assertEquals(vm.full().size(), vm.layoutProperty().get().nodes().size());
        assertTrue(vm.infoProperty().get().startsWith(vm.full().size() + " nodes"));
    }

    @Test
    void focusChoicesAreProcessesThenBuffers() {
        assertEquals(FocusChoice.ALL, vm.focusChoices().get(0));
        assertEquals("Process seatd [2185]", vm.focusChoices().get(1).label());
        assertTrue(vm.focusChoices().stream().anyMatch(c -> c.label().startsWith("dma-buf ino 57")));
    }

    @Test
    void focusingOnAProcessKeepsOnlyWhatItReaches() {
        vm.focusOn("proc:2190");
        Set<String> ids = ids();
        assertTrue(ids.contains("proc:2190"));
        assertTrue(ids.contains("buf:ino:57"), "sway holds ino 57");
        assertFalse(ids.contains("proc:2185"), "seatd has nothing to do with sway's buffer");
        assertFalse(ids.contains("buf:ino:41"));
    }

    @Test
    void focusingOnABufferShowsWhoHoldsAndImportsIt() {
        vm.focusOn("buf:ino:57");
        Set<String> ids = ids();
        assertTrue(ids.containsAll(Set.of("proc:2190", "proc:2301", "gem:vgem/export:ino:57",
                "gem:0000:00:02.0/import:ino:57", "dev:0000:00:02.0")), ids.toString());
        assertFalse(ids.contains("buf:ino:41"));
    }

    @Test
    void selectingHighlightsTheNeighbourhood() {
        vm.select("buf:ino:41");
        var h = vm.highlightProperty().get();
        assertTrue(h.nodes().contains("gem:vgem/export:ino:41"));
        assertTrue(h.nodes().contains("dev:0000:00:02.0"));
        assertFalse(h.nodes().contains("proc:2185"));
        vm.select(null);
        assertNull(vm.highlightProperty().get());
    }

    @Test
    void selectingOutsideTheFocusLeavesIt() {
        vm.focusOn("proc:2190");
        vm.select("buf:ino:41");
        assertEquals(FocusChoice.ALL, vm.focusProperty().get());
        assertTrue(vm.shownProperty().get().contains("buf:ino:41"));
    }

    @Test
    void aRefreshKeepsTheFocus() {
        vm.focusOn("proc:2190");
        vm.show(new SnapshotIndex(TestData.demoWithLeak()));
        vm.show(new SnapshotIndex(TestData.demoWithLeak()));
        assertEquals("proc:2190", vm.focusProperty().get().nodeId());
        assertTrue(ids().contains("buf:ino:99"), "sway's new buffer is in its focus");
    }

    @Test
    void deviceEdgesCanBeHidden() {
        vm.deviceEdgesProperty().set(false);
        assertTrue(vm.shownProperty().get().edges().stream().noneMatch(e -> e.kind() == EdgeKind.ON_DEVICE));
        assertEquals(vm.full().size(), vm.shownProperty().get().size());
    }

    @Test
    void dotExportIsWhatIsShown(@TempDir Path dir) throws Exception {
        vm.focusOn("buf:ino:41");
        Path file = dir.resolve("g.dot");
        vm.exportDot(file);
        String dot = Files.readString(file);
        assertTrue(dot.startsWith("digraph gemscope {"));
        assertTrue(dot.contains("\"buf:ino:41\""));
        assertFalse(dot.contains("\"buf:ino:57\""));
    }

    private Set<String> ids() {
        return vm.shownProperty().get().nodes().stream().map(GraphModel.GNode::id).collect(Collectors.toSet());
    }
}
