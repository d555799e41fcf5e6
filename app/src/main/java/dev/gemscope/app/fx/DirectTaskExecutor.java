package dev.gemscope.app.fx;

import java.time.Duration;

/**
 * Runs every job inline on the calling thread: deterministic, for view-model tests without a stage
 * (JabRef's {@code CurrentThreadTaskExecutor}). Pollers run only when {@link Poller#runNow()} is called.
 */
public final class DirectTaskExecutor implements TaskExecutor {

    private final Activity activity = new Activity();

    @Override
    public <T> void execute(Job<T> job) {
        T result;
        activity.begin(job.title());
        try {
            result = job.work().run(Job.Progress.NONE);
        } catch (Exception | LinkageError e) {
            activity.end();
            job.onFailure().accept(e);
            return;
        }
        activity.end();
        job.onSuccess().accept(result);
    }

    @Override
    public <T> Poller poller(Job<T> job, Duration period) {
        return new Poller() {
            private boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public void setPeriod(Duration p) {
            }

            @Override
            public void runNow() {
                execute(job);
            }
        };
    }

    @Override
    public Activity activity() {
        return activity;
    }
}
