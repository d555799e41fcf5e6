package dev.gemscope.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.backend.model.Snapshot;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryHistoryTest {

    private final MemoryHistory history = new MemoryHistory();

    @Test
    void eachRefreshAddsASamplePerSeries() {
        Snapshot first = TestData.demo();
        Snapshot later = TestData.demoWithLeak();
        assertTrue(history.add(first));
        assertFalse(history.add(first), "the same snapshot twice is one sample");
        assertTrue(history.add(later));
        assertEquals(List.of(8556544L, 8556544L + (4L << 20)), history.values(MemoryHistory.DMA_BUFS));
        assertEquals(60.0, history.samples().get(1).seconds(), 1.0);
        assertTrue(history.series().contains("i915 clients"), history.series().toString());
    }

    @Test
    void whatAppearedSinceTheLastRefreshIsKnown() {
        history.add(TestData.demo());
        history.add(TestData.demoWithLeak());
        assertEquals(Set.of("ino:99"), history.freshBuffers());
        assertEquals(Set.of("vgem/export:ino:99"), history.freshObjects());
        assertEquals("Last refresh: +1 / −0 dma-bufs, +1 / −0 GEM objects", history.changeTextProperty().get());
    }

    @Test
    void onlyTheLastSamplesAreKept() {
        Snapshot s = TestData.demo();
        for (int i = 0; i < MemoryHistory.CAPACITY + 5; i++) {
            history.add(new Snapshot(s.capturedAt(), s.host(), s.kernelRelease(), s.origin(), s.sources(),
                    s.visibility(), s.processes(), s.devices(), s.clients(), s.gemObjects(), s.dmaBufs(),
                    s.attachments(), s.holders(), s.mappings(), s.failedOperations(), s.totals(), s.warnings(),
                    s.probeResults()));
        }
        assertEquals(MemoryHistory.CAPACITY, history.samples().size());
    }
}
