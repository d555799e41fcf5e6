package dev.gemscope.backend.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StreamLoopTest {

    private final AtomicInteger made = new AtomicInteger();
    private final Supplier<Snapshot> collect = () -> snapshot("t" + made.incrementAndGet());

    static Snapshot snapshot(String time) {
        return new Snapshot(time, "box", "6.12.0", "live", List.of(), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of());
    }

    @Test
    void writesCountLinesOfOneSnapshotEach() throws Exception {
        List<String> lines = new ArrayList<>();
        StreamLoop.End end = new StreamLoop().run(collect, Duration.ofMillis(100), 3,
                l -> lines.add(l), e -> { });
        assertEquals(StreamLoop.End.COUNT_REACHED, end);
        assertEquals(3, lines.size());
        for (int i = 0; i < 3; i++) {
            assertTrue(!lines.get(i).contains("\n"), "one line per snapshot");
            assertEquals("t" + (i + 1), new SnapshotCodec().fromJson(lines.get(i), "line").capturedAt());
        }
    }

    @Test
    void endsWhenTheReaderIsGone() {
        AtomicInteger writes = new AtomicInteger();
        StreamLoop.End end = new StreamLoop().run(collect, Duration.ofMillis(100), 0,
                l -> writes.incrementAndGet() < 2, e -> { });
        assertEquals(StreamLoop.End.READER_GONE, end);
        assertEquals(2, writes.get(), "stops at the first failed write");
    }

    @Test
    void stopEndsTheWaitAtOnceAndKeepsItsReason() throws Exception {
        StreamLoop loop = new StreamLoop();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            loop.stop("standard input closed");
        });
        t.start();
        long start = System.nanoTime();
        StreamLoop.End end = loop.run(collect, Duration.ofSeconds(60), 0, lines::add, e -> { });
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(StreamLoop.End.STOPPED, end);
        assertEquals("standard input closed", loop.stopReason());
        assertEquals(1, lines.size());
        assertTrue(ms < 10_000, "stopped in " + ms + " ms, not after the 60 s interval");
        assertTrue(loop.awaitFinished(Duration.ofMillis(10)));
    }

    @Test
    void aFailedCollectionIsReportedAndTheStreamGoesOn() {
        List<String> errors = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        StreamLoop.End end = new StreamLoop().run(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            return snapshot("ok");
        }, Duration.ofMillis(100), 2, lines::add, errors::add);
        assertEquals(StreamLoop.End.COUNT_REACHED, end);
        assertEquals(1, lines.size(), "the failed tick writes nothing, the next one writes");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("boom"), errors.get(0));
    }
}
