package dev.mstudio.watch;

import java.time.Duration;

/**
 * Chooses the delay before the next cycle. After activity (a job appeared, changed or went) the
 * fast interval; then the base interval, growing by half each quiet cycle up to the maximum.
 * Failed cycles back off exponentially from the base interval up to the maximum backoff;
 * throttling backs off four times longer, and at least as long as the service's Retry-After
 * (capped at the maximum backoff).
 * Not thread-safe: used under the watcher's lock.
 */
final class Pacer {
    private static final int THROTTLE_FACTOR = 4;

    private final Intervals intervals;
    private int quietCycles;
    private int consecutiveErrors;

    Pacer(Intervals intervals) {
        this.intervals = intervals;
    }

    /** The delays a watcher uses; validated. */
    record Intervals(Duration base, Duration fast, Duration max, Duration maxBackoff) {
        Intervals {
            positive(base, "base");
            positive(fast, "fast");
            positive(max, "max");
            positive(maxBackoff, "maxBackoff");
            if (fast.compareTo(base) > 0 || base.compareTo(max) > 0) {
                throw new IllegalArgumentException("intervals must satisfy fast <= base <= max, got "
                        + fast + ", " + base + ", " + max);
            }
        }

        static Intervals defaults() {
            return new Intervals(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(30),
                    Duration.ofMinutes(2));
        }

        private static void positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " interval must be positive, got " + d);
            }
        }
    }

    Duration afterSuccess(boolean activity) {
        consecutiveErrors = 0;
        quietCycles = activity ? 0 : quietCycles + 1;
        if (quietCycles == 0) {
            return intervals.fast();
        }
        double grown = intervals.base().toMillis() * Math.pow(1.5, Math.min(quietCycles - 1, 30));
        return cap(grown, intervals.max());
    }

    /** @param retryAfter what the service asked for, or null */
    Duration afterError(boolean throttled, Duration retryAfter) {
        consecutiveErrors++;
        double backoff = intervals.base().toMillis() * Math.pow(2, Math.min(consecutiveErrors - 1, 30));
        if (throttled) {
            backoff *= THROTTLE_FACTOR;
        }
        Duration delay = cap(backoff, intervals.maxBackoff());
        if (retryAfter == null || retryAfter.compareTo(delay) <= 0) {
            return delay;
        }
        return retryAfter.compareTo(intervals.maxBackoff()) < 0 ? retryAfter : intervals.maxBackoff();
    }

    /** A listener arrived: the next quiet cycles start again from the base interval. */
    void reset() {
        quietCycles = 0;
    }

    int consecutiveErrors() {
        return consecutiveErrors;
    }

    private static Duration cap(double millis, Duration max) {
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
