package dev.gemscope.app.fx;

import java.time.Duration;

/**
 * The one owner of the hop between background threads and the FX thread (house-style §5.3): view
 * models hand work to it and get results back on the FX thread. {@link FxTaskExecutor} is the real
 * one; {@link DirectTaskExecutor} runs everything inline so view models are tested without a stage.
 */
public interface TaskExecutor {

    /** Runs the job in the background; its callbacks run on the FX thread. */
    <T> void execute(Job<T> job);

    /**
     * A job repeated every {@code period} while started (a {@code ScheduledService} in the real
     * executor). Each success is delivered on the FX thread; the poller keeps running after a failure.
     */
    <T> Poller poller(Job<T> job, Duration period);

    /** What the executor is doing now, for the status bar. */
    Activity activity();

    /** A started/stopped repeating job. */
    interface Poller {
        void start();

        void stop();

        boolean isRunning();

        void setPeriod(Duration period);

        /** Runs once now (outside the schedule), e.g. for a "refresh" button. */
        void runNow();
    }
}
