package dev.mstudio.watch;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a watcher's poll cycles after a delay. Production code adapts a
 * {@link ScheduledExecutorService}; tests use a deterministic scheduler advanced by hand.
 */
@FunctionalInterface
public interface WatchScheduler {

    /** Runs {@code task} once after {@code delay} (zero: as soon as possible). */
    Task schedule(Runnable task, Duration delay);

    /** A scheduled run that can be called off. */
    @FunctionalInterface
    interface Task {
        /** Prevents the run if it has not started; a running task completes. */
        void cancel();
    }

    static WatchScheduler of(ScheduledExecutorService executor) {
        return (task, delay) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
