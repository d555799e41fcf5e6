package dev.gemscope.app.stream;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest of a fast series of values to a slow consumer, one at a time: while one is being
 * handled, newer values replace each other and only the last is handled next. So a stream faster
 * than indexing never queues up snapshots (or memory) behind the screen. Thread-safe.
 */
public final class LatestOnly<T> {

    private final AtomicReference<T> pending = new AtomicReference<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Consumer<T> handler;

    /** @param handler starts handling a value and must call {@link #done()} when finished (from any thread) */
    public LatestOnly(Consumer<T> handler) {
        this.handler = handler;
    }

    public void offer(T value) {
        pending.set(value);
        next();
    }

    /** The value given to the handler was handled. */
    public void done() {
        busy.set(false);
        next();
    }

    private void next() {
        while (pending.get() != null && busy.compareAndSet(false, true)) {
            T value = pending.getAndSet(null);
            if (value == null) {
                busy.set(false);
                continue;
            }
            handler.accept(value);
            return;
        }
    }
}
