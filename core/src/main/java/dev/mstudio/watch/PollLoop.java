package dev.mstudio.watch;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a watcher's cycles one at a time on the scheduler: each cycle returns the delay before the
 * next, or null to go idle; {@link #wake} restarts an idle loop or brings the next cycle forward.
 * A wake that arrives while a cycle runs is honoured when it ends, so no listener is left unpolled.
 */
final class PollLoop {
    private final Object lock = new Object();
    private final WatchScheduler scheduler;
    private final Supplier<Duration> cycle;
    private final Duration fallback;
    private WatchScheduler.Task pending;
    private boolean running;
    private boolean wokenWhileRunning;
    private boolean soonWhileRunning;
    private boolean closed;
    private Duration lastDelay;
    private long generation;

    /** @param fallback the delay after a cycle that failed unexpectedly */
    PollLoop(WatchScheduler scheduler, Supplier<Duration> cycle, Duration fallback) {
        this.scheduler = scheduler;
        this.cycle = cycle;
        this.fallback = fallback;
    }

    /** Polls now if idle; with {@code soon}, also brings a scheduled cycle forward to now. */
    void wake(boolean soon) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (running) {
                wokenWhileRunning = true;
                soonWhileRunning |= soon;
            } else if (pending == null) {
                schedule(Duration.ZERO);
            } else if (soon) {
                pending.cancel();
                schedule(Duration.ZERO); // a new generation: the called-off run does nothing
            }
        }
    }

    /** Calls off the scheduled cycle: the loop is idle until the next wake. */
    void stop() {
        synchronized (lock) {
            generation++;
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
        }
    }

    /** Stops for good. */
    void close() {
        synchronized (lock) {
            closed = true;
        }
        stop();
    }

    boolean idle() {
        synchronized (lock) {
            return pending == null && !running;
        }
    }

    /** The delay chosen after the last cycle, or null before the first. */
    Duration lastDelay() {
        synchronized (lock) {
            return lastDelay;
        }
    }

    /** Each scheduled run carries its generation: a run called off too late to cancel does nothing. */
    private void schedule(Duration delay) {
        long mine = ++generation;
        pending = scheduler.schedule(() -> run(mine), delay);
    }

    private void run(long scheduledAs) {
        synchronized (lock) {
            if (closed || running || scheduledAs != generation) {
                return;
            }
            pending = null;
            running = true;
            wokenWhileRunning = false;
            soonWhileRunning = false;
        }
        Duration next = fallback;
        try {
            next = cycle.get();
        } catch (RuntimeException unexpected) {
            next = fallback; // the cycle records its own failures; this keeps the loop alive regardless
        } finally {
            afterRun(next);
        }
    }

    private void afterRun(Duration next) {
        synchronized (lock) {
            running = false;
            lastDelay = next;
            if (closed || pending != null) {
                return;
            }
            if (next != null) {
                schedule(soonWhileRunning ? Duration.ZERO : next);
            } else if (wokenWhileRunning) {
                schedule(Duration.ZERO);
            }
        }
    }
}
