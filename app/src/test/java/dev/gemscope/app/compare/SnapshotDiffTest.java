package dev.gemscope.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.compare.SnapshotDiff.Kind;
import dev.gemscope.backend.model.Snapshot;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {

    @Test
    void aSnapshotComparedWithItselfHasNoChanges() {
        Snapshot demo = TestData.demo();
        SnapshotDiff diff = SnapshotDiff.of(demo, demo);
        assertTrue(diff.changes().isEmpty());
        assertTrue(diff.processes().stream().allMatch(p -> p.status() == Kind.SAME));
        assertTrue(diff.summary().startsWith("0 new, 0 gone dma-bufs"));
    }

    @Test
    void theLeakShowsAsANewBufferOfItsProcess() {
        SnapshotDiff diff = SnapshotDiff.of(TestData.demo(), TestData.demoWithLeak());
        SnapshotDiff.ProcessChange sway = process(diff, 2190);
        assertEquals(Kind.GROWN, sway.status());
        assertEquals(1, sway.newBuffers());
        assertEquals(4L << 20, sway.rssDelta());
        assertTrue(diff.changes().stream().anyMatch(c -> c.pid() == 2190 && c.kind() == Kind.NEW
                && c.id().equals("ino 99") && c.detail().equals("drm \"leaky\"")));
    }

    @Test
    void aReleasedBufferIsGoneForThatProcess() {
        SnapshotDiff diff = SnapshotDiff.of(TestData.demo(), TestData.demoWithLeak());
        SnapshotDiff.ProcessChange prime = process(diff, 2301);
        assertEquals(Kind.SHRUNK, prime.status());
        assertEquals(1, prime.goneBuffers());
        assertTrue(diff.changes().stream().anyMatch(c -> c.pid() == 2301 && c.kind() == Kind.GONE && c.id().equals("ino 57")));
    }

    @Test
    void newGemObjectsAreListed() {
        SnapshotDiff diff = SnapshotDiff.of(TestData.demo(), TestData.demoWithLeak());
        assertTrue(diff.changes().stream().anyMatch(c -> c.what().equals("GEM object") && c.kind() == Kind.NEW
                && c.id().equals("vgem/export:ino:99")));
        assertEquals("1 new, 1 gone dma-bufs; GEM objects 1 new, 0 gone; 1 process grew, most sway [2190] by 4 MiB.",
                diff.summary());
    }

    @Test
    void differentMachinesAreAllNewAndGone() {
        SnapshotDiff diff = SnapshotDiff.of(TestData.read(TestData.fixtureSnapshot("6.1-vgem-virtio")),
                TestData.read(TestData.fixtureSnapshot("7.2-i915-vgem")));
        assertTrue(diff.processes().stream().allMatch(p -> p.status() == Kind.NEW || p.status() == Kind.GONE),
                diff.processes().toString());
    }

    private static SnapshotDiff.ProcessChange process(SnapshotDiff diff, int pid) {
        return diff.processes().stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
    }
}
