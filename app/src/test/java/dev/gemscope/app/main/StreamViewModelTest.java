package dev.gemscope.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gemscope.app.TestData;
import dev.gemscope.app.fx.DirectTaskExecutor;
import dev.gemscope.app.source.SnapshotLoader;
import dev.gemscope.app.source.SnapshotSource;
import dev.gemscope.app.stream.SeeEverything;
import dev.gemscope.app.stream.SeeEverythingTest;
import dev.gemscope.app.stream.SnapshotStream;
import dev.gemscope.app.stream.StreamCommand;
import dev.gemscope.app.stream.StreamHandle;
import dev.gemscope.app.ui.StubDialogs;
import dev.gemscope.backend.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams in the main view model, with a fake stream (no process) on the direct executor. */
class StreamViewModelTest {

    private final StubDialogs dialogs = new StubDialogs();
    private final MainViewModel vm = new MainViewModel(new DirectTaskExecutor(), new SnapshotLoader(), dialogs);
    private final List<FakeStream> started = new ArrayList<>();

    static final class FakeStream implements StreamHandle {
        final StreamCommand command;
        final SnapshotStream.Listener listener;
        boolean stopped;

        FakeStream(StreamCommand command, SnapshotStream.Listener listener) {
            this.command = command;
            this.listener = listener;
        }

        @Override
        public StreamCommand command() {
            return command;
        }

        @Override
        public boolean isRunning() {
            return !stopped;
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    @BeforeEach
    void fakeStreams() {
        vm.setStreamLauncher((c, l) -> {
            FakeStream s = new FakeStream(c, l);
            started.add(s);
            return s;
        }, new SeeEverythingTest.FakeHost(Set.of("pkexec"), Set.of(SeeEverything.INSTALLED_WRAPPER), Map.of()));
    }

    @Test
    void eachStreamedSnapshotIsSwappedInLikeALiveRefresh() {
        dialogs.answerCommand("ssh box sudo gemscope collect --stream");
        vm.streamFromCommandWithDialog();
        FakeStream s = started.get(0);
        assertEquals(List.of("ssh", "box", "sudo", "gemscope", "collect", "--stream"), s.command.argv());
        assertEquals(null, vm.getSnapshot(), "nothing on screen before the first line");

        Snapshot first = TestData.demo();
        s.listener.snapshot(first);
        assertSame(first, vm.getSnapshot());
        assertEquals(SnapshotSource.Kind.STREAM, vm.sourceProperty().get().kind());
        assertEquals("STREAM", vm.sourceBadgeProperty().get());
        assertTrue(vm.sourceTextProperty().get().startsWith("Stream from ssh box"), vm.sourceTextProperty().get());
        assertFalse(vm.titleProperty().get().endsWith("(capture)"));

        Snapshot second = TestData.demoWithLeak();
        s.listener.snapshot(second);
        assertSame(second, vm.getSnapshot());
        assertEquals(2, vm.history().samples().size(), "the memory chart follows the stream");

        vm.pausedProperty().set(true);
        s.listener.snapshot(TestData.demo());
        assertSame(second, vm.getSnapshot(), "paused: the screen stays");
    }

    @Test
    void errorsBecomeNoticesAndTheSnapshotStays() {
        vm.openStream(StreamCommand.of("gemscope collect --stream"));
        FakeStream s = started.get(0);
        s.listener.snapshot(TestData.demo());
        s.listener.badLine("stream line 2: not valid JSON");
        assertEquals(Notice.Level.ERROR, vm.noticeProperty().get().level());
        assertTrue(vm.noticeProperty().get().text().contains("not valid JSON"));
        s.listener.ended(255, "ssh: connect to host box port 22: Connection refused", false);
        assertTrue(vm.noticeProperty().get().text().contains("ended with status 255: ssh: connect"),
                vm.noticeProperty().get().text());
        assertNotNull(vm.getSnapshot());
    }

    @Test
    void seeEverythingStartsPkexecAndOpeningAnythingElseStopsTheStream() {
        vm.seeEverything();
        FakeStream s = started.get(0);
        assertEquals(List.of("pkexec", "/usr/lib/gemscope/gemscope-collector", "--interval", "2"), s.command.argv());
        assertTrue(vm.noticeProperty().get().text().contains("pkexec"));
        s.listener.snapshot(TestData.demo());
        assertEquals("LIVE (ALL)", vm.sourceBadgeProperty().get());

        vm.open(SnapshotSource.demo(TestData.demoCapture()));
        assertTrue(s.stopped, "the collector is ended when another source is opened");
        s.listener.snapshot(TestData.demoWithLeak());
        assertEquals(SnapshotSource.Kind.DEMO, vm.sourceProperty().get().kind(), "a late line of the old stream is dropped");
    }

    @Test
    void disposeEndsTheStream() {
        vm.openStream(StreamCommand.of("cat"));
        vm.dispose();
        assertTrue(started.get(0).stopped);
        assertTrue(vm.stream().isEmpty());
    }

    @Test
    void aCommandThatCannotStartIsANotice() {
        vm.setStreamLauncher((c, l) -> {
            throw new java.io.IOException("Cannot run program \"nope\": error=2, No such file or directory");
        }, SeeEverything.thisMachine());
        vm.openStream(StreamCommand.of("nope"));
        assertTrue(vm.noticeProperty().get().text().contains("Could not start nope"), vm.noticeProperty().get().text());
    }
}
