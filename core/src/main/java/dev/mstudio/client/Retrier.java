package dev.mstudio.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Runs one call with retries: exponential backoff with full jitter (a random wait between 0 and
 * {@code min(cap, base * 2^(n-1))} before retry n), or exactly the server's Retry-After when it sent
 * one. Stops after {@code maxAttempts}, or when the next wait would end beyond the time budget
 * (measured on the injected clock), rethrowing the last failure as it was. A thread interrupt stops
 * it at once, during an attempt or a wait: no further attempt, an {@link InterruptedIOException}
 * thrown, the interrupt flag left set.
 */
final class Retrier {

    /** One attempt: an HTTP exchange that returns a reply or throws. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws IOException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final int maxAttempts;
    private final Duration budget;
    private final Duration base;
    private final Duration cap;

    Retrier(Clock clock, Sleeper sleeper, RandomGenerator random, int maxAttempts,
            Duration budget, Duration base, Duration cap) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.maxAttempts = maxAttempts;
        this.budget = budget;
        this.base = base;
        this.cap = cap;
    }

    <T> T run(RetryMode mode, Attempt<T> attempt) throws IOException {
        Instant start = clock.instant();
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (ApiException | IOException failure) {
                if (Thread.currentThread().isInterrupted()) {
                    throw interruption(failure);
                }
                Duration wait = nextWait(mode, failure, n, start);
                if (wait == null) {
                    throw failure;
                }
                pause(wait);
            }
        }
    }

    /** How long to wait before attempt {@code n + 1}, or null to give up now. */
    private Duration nextWait(RetryMode mode, Exception failure, int n, Instant start) {
        if (n >= maxAttempts || !mode.retries(failure)) {
            return null;
        }
        Duration wait = failure instanceof ApiException api
                ? api.retryAfter().orElseGet(() -> backoff(n))
                : backoff(n);
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.plus(wait).compareTo(budget) > 0 ? null : wait;
    }

    /** Full jitter: uniform in [0, min(cap, base * 2^(n-1))]. */
    Duration backoff(int n) {
        long ceiling = base.toMillis();
        for (int i = 1; i < n && ceiling < cap.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap.toMillis());
        return ceiling <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(0, ceiling + 1));
    }

    /** Sleeps before a retry; an interrupt before, during or right after the sleep ends the call. */
    private void pause(Duration wait) throws InterruptedIOException {
        if (wait.isZero()) {
            return;
        }
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped(e);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw stopped(null);
        }
    }

    private static InterruptedIOException stopped(InterruptedException cause) {
        InterruptedIOException stop = new InterruptedIOException("interrupted while waiting to retry");
        if (cause != null) {
            stop.initCause(cause);
        }
        return stop;
    }

    /**
     * The failure to throw when the thread was interrupted during an attempt: the attempt's own
     * InterruptedIOException, or one caused by the failure that happened to end the attempt first.
     */
    private static InterruptedIOException interruption(Exception failure) {
        if (failure instanceof InterruptedIOException stop && !(stop instanceof SocketTimeoutException)) {
            return stop;
        }
        InterruptedIOException stop = new InterruptedIOException("interrupted");
        stop.initCause(failure);
        return stop;
    }
}
