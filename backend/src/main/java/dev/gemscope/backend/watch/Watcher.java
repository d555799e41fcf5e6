package dev.gemscope.backend.watch;

import dev.gemscope.backend.explain.Explanations;
import dev.gemscope.backend.model.FailedOperation;
import dev.gemscope.backend.parse.trace.TraceEvent;
import dev.gemscope.backend.parse.trace.TracePipeParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one watch: sets up a {@link TraceSession}, reads {@code trace_pipe}, pairs enters and exits
 * ({@link IoctlPairing}), resolves each failing call's fd ({@link FdResolver}) and reports it as a
 * {@link FailedOperation} until {@link #stop()}; then removes the instance. {@link #stop()} may come
 * from any thread (a timer, a shutdown hook); {@link #run} returns once everything recorded before
 * it has been read and the instance is gone.
 */
public final class Watcher {

    /**
     * @param pid only report calls made by this process (its threads included), or null for all
     * @param bufferEvents also enable the 7.x {@code dma_buf} events and pass them to the listener
     */
    public record Options(Integer pid, boolean bufferEvents) {
    }

    /** Receives the watch's output as it happens, on the thread that called {@link #run}. */
    public interface Listener {
        /** Tracing is on: every call from now on is seen. */
        void ready(String instance, List<String> notes);

        void failure(FailedOperation failure);

        /** Every line read from {@code trace_pipe}, as read (for capturing fixtures). */
        default void rawLine(String line) {
        }

        /** A 7.x {@code dma_buf} event (only with {@link Options#bufferEvents()}). */
        default void bufferEvent(TraceEvent.DmaBufEvent event) {
        }
    }

    /**
     * What the watch saw.
     *
     * @param failures every reported failure, in order
     * @param lostEvents events the kernel dropped (ring buffer overrun); failures may be missing
     * @param orphanExits failing exits whose enter was not seen (before the start, or lost)
     * @param otherDrivers failures with a DRM/dma-buf type letter on an fd that was neither
     * @param unparsedLines lines that were not trace records
     */
    public record Summary(String instance, List<FailedOperation> failures, long lostEvents, long orphanExits,
            long otherDrivers, long unparsedLines) {
    }

    private final TraceSession session;
    private final FdResolver resolver;
    private final FailureDescriber describer;
    private final Options options;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean stopRequested;

    public Watcher(TraceFs fs, String instanceName, FdResolver resolver, Explanations explanations,
            String kernelRelease, Options options) {
        this.session = new TraceSession(fs, instanceName);
        this.resolver = resolver;
        this.options = options;
        // The instance runs on trace_clock mono = CLOCK_MONOTONIC, which is what nanoTime reads on Linux.
        Instant wallBase = Instant.now();
        long monoBase = System.nanoTime();
        this.describer = new FailureDescriber(explanations, kernelRelease,
                ts -> wallBase.plusNanos(ts - monoBase));
    }

    public Summary run(Listener listener) throws IOException {
        List<FailedOperation> failures = new ArrayList<>();
        IoctlPairing pairing = new IoctlPairing();
        long otherDrivers = 0;
        long unparsed = 0;
        try {
            List<String> notes = session.start(options.bufferEvents());
            try (BufferedReader pipe = session.pipe()) {
                listener.ready(session.dir(), notes);
                if (stopRequested) {
                    session.requestStop();
                }
                String line;
                while ((line = pipe.readLine()) != null) {
                    listener.rawLine(line);
                    TraceEvent event = TracePipeParser.parse(line);
                    if (event instanceof TraceEvent.Marker m && m.text().equals(session.stopMarker())) {
                        break;
                    }
                    if (event instanceof TraceEvent.Unparsed) {
                        unparsed++;
                        continue;
                    }
                    if (event instanceof TraceEvent.DmaBufEvent b) {
                        listener.bufferEvent(b);
                        continue;
                    }
                    Optional<RawFailure> raw = pairing.accept(event);
                    if (raw.isEmpty()) {
                        continue;
                    }
                    FdTarget target = resolver.resolve(raw.get().enter().header().tid(), raw.get().enter().fd());
                    if (target.kind() == FdTarget.Kind.OTHER) {
                        otherDrivers++;
                        continue;
                    }
                    if (options.pid() != null && !options.pid().equals(target.pid())
                            && !(target.pid() == null && options.pid() == raw.get().enter().header().tid())) {
                        continue;
                    }
                    FailedOperation f = describer.describe(raw.get(), target);
                    failures.add(f);
                    listener.failure(f);
                }
            }
        } finally {
            try {
                session.close();
            } finally {
                done.countDown();
            }
        }
        return new Summary(session.dir(), failures, pairing.lostEvents(), pairing.orphanExits(), otherDrivers, unparsed);
    }

    /** Asks {@link #run} to finish after reading everything recorded so far. Idempotent, any thread. */
    public void stop() {
        stopRequested = true;
        try {
            session.requestStop();
        } catch (IOException e) {
            // The instance is already gone or going; run() is finishing on its own.
        }
    }

    /** Waits until {@link #run} has removed the instance (or never started). */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
