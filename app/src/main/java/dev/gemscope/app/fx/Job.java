package dev.gemscope.app.fx;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of background work and what to do with its outcome. The work runs off the FX thread;
 * {@code onSuccess} and {@code onFailure} run on the FX thread (or inline with {@link DirectTaskExecutor}).
 *
 * @param title shown while the job runs, e.g. "Reading demo-snapshot.json"
 * @param work the work; reports progress through its {@link Progress}
 * @param onSuccess receives the result
 * @param onFailure receives the failure; jobs never fail silently
 */
public record Job<T>(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {

    public Job {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(work, "work");
        onSuccess = onSuccess == null ? r -> { } : onSuccess;
        onFailure = onFailure == null ? e -> { } : onFailure;
    }

    /** Background work. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What background work may tell the UI. Thread-safe. */
    public interface Progress {
        /** {@code done} of {@code total}; a negative total means "unknown". */
        void update(long done, long total, String message);

        boolean isCancelled();

        /** For work that reports nothing. */
        Progress NONE = new Progress() {
            @Override
            public void update(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
