package dev.mstudio.slackbot.notify;

import dev.mstudio.watch.WatchScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a task on the scheduler at the earliest instant anyone asked for, one run at a time; a wake
 * that arrives during a run is honoured when it ends. Each scheduled run carries a generation, so
 * a run called off too late to cancel does nothing.
 */
final class WakeLoop {
    private final WatchScheduler scheduler;
    private final Clock clock;
    private final Runnable body;
    private WatchScheduler.Task pending;
    private Instant pendingAt;
    private Instant wakeAfterRun;
    private boolean running;
    private boolean closed;
    private long generation;

    WakeLoop(WatchScheduler scheduler, Clock clock, Runnable body) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.body = body;
    }

    void wakeNow() {
        wakeAt(clock.instant());
    }

    synchronized void wakeAt(Instant at) {
        if (closed) {
            return;
        }
        if (running) {
            wakeAfterRun = wakeAfterRun == null || at.isBefore(wakeAfterRun) ? at : wakeAfterRun;
            return;
        }
        if (pending != null && !pendingAt.isAfter(at)) {
            return;
        }
        if (pending != null) {
            pending.cancel();
        }
        long mine = ++generation;
        Duration delay = Duration.between(clock.instant(), at);
        pendingAt = at;
        pending = scheduler.schedule(() -> run(mine), delay.isNegative() ? Duration.ZERO : delay);
    }

    synchronized void close() {
        closed = true;
        generation++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void run(long scheduledAs) {
        synchronized (this) {
            if (closed || running || scheduledAs != generation) {
                return;
            }
            pending = null;
            pendingAt = null;
            running = true;
        }
        try {
            body.run();
        } finally {
            Instant again;
            synchronized (this) {
                running = false;
                again = wakeAfterRun;
                wakeAfterRun = null;
            }
            if (again != null) {
                wakeAt(again);
            }
        }
    }
}
