package dev.gemscope.app.fx;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;

/**
 * Runs jobs as {@link Task}s on a small daemon pool and delivers their outcome on the FX thread.
 * The only class of the app that touches {@code Platform} (an architecture test checks it).
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final Logger LOG = Logger.getLogger(FxTaskExecutor.class.getName());

    private final ExecutorService pool;
    private final Activity activity = new Activity();

    public FxTaskExecutor() {
        this(2);
    }

    public FxTaskExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "gemscope-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
    }

    @Override
    public <T> void execute(Job<T> job) {
        Task<T> task = toTask(job);
        runOnFx(() -> {
            activity.begin(job.title());
            pool.execute(task);
        });
    }

    private <T> Task<T> toTask(Job<T> job) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                Task<T> self = this;
                return job.work().run(new Job.Progress() {
                    @Override
                    public void update(long done, long total, String message) {
                        if (total < 0) {
                            updateProgress(-1, 1);
                        } else {
                            updateProgress(done, total);
                        }
                        if (message != null) {
                            updateMessage(message);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        task.messageProperty().addListener((o, a, b) -> activity.update(b, task.getProgress()));
        task.progressProperty().addListener((o, a, b) -> activity.update(null, b.doubleValue()));
        task.setOnSucceeded(e -> {
            activity.end();
            deliver(job, task.getValue());
        });
        task.setOnFailed(e -> {
            activity.end();
            fail(job, task.getException());
        });
        task.setOnCancelled(e -> activity.end());
        return task;
    }

    private static <T> void deliver(Job<T> job, T value) {
        try {
            job.onSuccess().accept(value);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "handling the result of '" + job.title() + "' failed", e);
            job.onFailure().accept(e);
        }
    }

    private static void fail(Job<?> job, Throwable error) {
        LOG.log(Level.FINE, "'" + job.title() + "' failed", error);
        job.onFailure().accept(error);
    }

    @Override
    public <T> Poller poller(Job<T> job, Duration period) {
        return new ServicePoller<>(job, period);
    }

    @Override
    public Activity activity() {
        return activity;
    }

    /** Stops the pool; running tasks finish, queued ones are dropped. */
    public void shutdown() {
        pool.shutdownNow();
    }

    /** Runs on the FX thread: now if already there, else later. */
    public static void runOnFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Asserts that the caller is on the FX thread (enabled with -ea, as in the tests). */
    public static boolean onFxThread() {
        return Platform.isFxApplicationThread();
    }

    /** A ScheduledService that keeps going after failures (Cryptomator's RestartingService). */
    private final class ServicePoller<T> implements Poller {
        private final Job<T> job;
        private final ScheduledService<T> service;

        ServicePoller(Job<T> job, Duration period) {
            this.job = job;
            this.service = new ScheduledService<>() {
                @Override
                protected Task<T> createTask() {
                    return new Task<>() {
                        @Override
                        protected T call() throws Exception {
                            return job.work().run(Job.Progress.NONE);
                        }
                    };
                }
            };
            service.setExecutor(pool);
            service.setRestartOnFailure(true);
            service.setMaximumFailureCount(Integer.MAX_VALUE);
            service.setBackoffStrategy(ScheduledService.EXPONENTIAL_BACKOFF_STRATEGY);
            service.setMaximumCumulativePeriod(javafx.util.Duration.minutes(1));
            setPeriod(period);
            service.setOnSucceeded(e -> deliver(job, service.getValue()));
            service.setOnFailed(e -> fail(job, service.getException()));
        }

        @Override
        public void start() {
            runOnFx(() -> {
                if (!service.isRunning()) {
                    service.setDelay(service.getPeriod());
                    service.restart();
                }
            });
        }

        @Override
        public void stop() {
            runOnFx(service::cancel);
        }

        @Override
        public boolean isRunning() {
            return service.isRunning();
        }

        @Override
        public void setPeriod(Duration period) {
            runOnFx(() -> service.setPeriod(javafx.util.Duration.millis(period.toMillis())));
        }

        @Override
        public void runNow() {
            execute(job);
        }
    }
}
