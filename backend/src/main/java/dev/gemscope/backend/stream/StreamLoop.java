package dev.gemscope.backend.stream;

import dev.gemscope.backend.model.Snapshot;
import dev.gemscope.backend.snapshot.SnapshotCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The loop behind {@code gemscope collect --stream}: one snapshot per interval, each as one JSON
 * line, until the count is reached, the reader goes away or something asks it to stop (end of
 * standard input, the parent process gone, a signal). It only collects: the privileged side of the
 * privilege split runs exactly this and nothing else.
 *
 * <p>Ticks are at a fixed rate from the start (a slow collection shortens the next wait, never
 * piles up). A line is written whole or not at all; {@link #stop} never interrupts a write.
 */
public final class StreamLoop {

    /** Smallest and largest interval accepted; below 100 ms a collection would never finish in time. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);

    /** Where lines go; returns false when the reader went away (EPIPE). */
    @FunctionalInterface
    public interface LineSink {
        boolean emit(String line);
    }

    /** Why the loop ended. */
    public enum End {
        /** {@code --count} snapshots were written. */
        COUNT_REACHED,
        /** writing failed: nobody reads the stream any more. */
        READER_GONE,
        /** {@link #stop} was called (stdin closed, parent gone, signal). */
        STOPPED
    }

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object writeLock = new Object();
    private volatile String stopReason = "";

    /**
     * Runs the loop on the calling thread.
     *
     * @param collect makes one snapshot (read-only)
     * @param interval time between the starts of two collections
     * @param count how many snapshots to write; 0 or less for no limit
     * @param sink where each JSON line goes
     * @param errors told about a collection that failed (the loop goes on with the next tick)
     */
    public End run(Supplier<Snapshot> collect, Duration interval, long count, LineSink sink, Consumer<String> errors) {
        Objects.requireNonNull(interval, "interval");
        SnapshotCodec codec = new SnapshotCodec();
        try {
            long start = System.nanoTime();
            for (long i = 0; count <= 0 || i < count; i++) {
                if (stop.getCount() == 0) {
                    return End.STOPPED;
                }
                Snapshot snapshot = null;
                try {
                    snapshot = collect.get();
                } catch (RuntimeException e) {
                    errors.accept("collection " + (i + 1) + " failed: " + e);
                }
                if (snapshot != null) {
                    String line = codec.toJsonLine(snapshot);
                    synchronized (writeLock) {
                        if (stop.getCount() == 0) {
                            return End.STOPPED;
                        }
                        if (!sink.emit(line)) {
                            return End.READER_GONE;
                        }
                    }
                }
                if (count > 0 && i + 1 == count) {
                    return End.COUNT_REACHED;
                }
                long next = start + (i + 1) * interval.toNanos();
                long wait = next - System.nanoTime();
                if (wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS)) {
                    return End.STOPPED;
                }
            }
            return End.COUNT_REACHED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop("interrupted");
            return End.STOPPED;
        } finally {
            finished.countDown();
        }
    }

    /** Asks the loop to end before its next line; safe from any thread, the first reason wins. */
    public void stop(String reason) {
        synchronized (writeLock) {
            if (stop.getCount() > 0) {
                stopReason = reason;
                stop.countDown();
            }
        }
    }

    /** Why {@link #stop} was called, or empty. */
    public String stopReason() {
        return stopReason;
    }

    /** Waits until {@link #run} has returned (for a shutdown hook: no half-written line). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
