package dev.gemscope.app.stream;

/** A running stream as the view model sees it (a fake in view-model tests). */
public interface StreamHandle {

    StreamCommand command();

    boolean isRunning();

    /** Ends the stream's command; the listener's {@code ended} follows. */
    void stop();

    /** Starts streams: the real one runs processes. */
    @FunctionalInterface
    interface Launcher {
        StreamHandle start(StreamCommand command, SnapshotStream.Listener listener) throws java.io.IOException;
    }
}
