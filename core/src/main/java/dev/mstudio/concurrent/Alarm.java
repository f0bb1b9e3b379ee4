package dev.mstudio.concurrent;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A deadline for blocking work done on the current thread: when it passes, the thread is
 * interrupted, which ends what it waits for (an HTTP call in flight is canceled, see the client).
 * Closing the alarm disarms it; if it rang, closing also clears the interrupt it caused, so the
 * thread carries on normally and can tell a deadline ({@link #rang()}) from a Ctrl-C.
 *
 * <pre>{@code
 * try (Alarm alarm = Alarm.interruptAfter(timeout)) {
 *     return slowCall();
 * } catch (IOException e) {
 *     if (alarm.rang()) ... // timed out
 * }
 * }</pre>
 */
public final class Alarm implements AutoCloseable {
    private final Thread thread;
    private ScheduledFuture<?> ringing;
    private boolean armed = true;
    private boolean rang;

    private Alarm(Thread thread) {
        this.thread = thread;
    }

    /** Interrupts the calling thread after {@code delay} unless closed first; a null delay never rings. */
    public static Alarm interruptAfter(Duration delay) {
        Alarm alarm = new Alarm(Thread.currentThread());
        if (delay == null) {
            alarm.armed = false;
        } else {
            alarm.arm(Timer.INSTANCE.schedule(alarm::ring, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS));
        }
        return alarm;
    }

    /** True when the deadline passed before the alarm was closed. */
    public synchronized boolean rang() {
        return rang;
    }

    /** Disarms the alarm; no interrupt comes from it after this returns, and its own one is cleared. */
    @Override
    public void close() {
        boolean clear;
        synchronized (this) {
            armed = false;
            if (ringing != null) {
                ringing.cancel(false);
            }
            clear = rang;
        }
        if (clear && Thread.currentThread() == thread) {
            Thread.interrupted();
        }
    }

    private synchronized void arm(ScheduledFuture<?> future) {
        ringing = future;
    }

    private synchronized void ring() {
        if (armed) {
            rang = true;
            armed = false;
            thread.interrupt();
        }
    }

    /** One daemon timer thread for every alarm, started on first use. */
    private static final class Timer {
        static final ScheduledExecutorService INSTANCE = timer();

        private static ScheduledExecutorService timer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("mstudio-alarm"));
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }

        private Timer() {
        }
    }
}
