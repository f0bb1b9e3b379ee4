package dev.mstudio.slackbot.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * How delivery paces and retries.
 *
 * @param perChannelInterval least time between two calls to one channel (Slack: about 1 s)
 * @param digestThreshold    more pending completion notices than this in a channel become one digest
 * @param digestWindow       completion notices wait this long first, so a burst can gather
 * @param maxAttempts        transient failures of one entry before it is dropped
 * @param initialBackoff     wait after the first transient failure, doubling each time
 * @param maxBackoff         the longest such wait
 * @param retention          how long settled entries and acted-on statuses are kept
 */
record DeliverySettings(Duration perChannelInterval, int digestThreshold, Duration digestWindow, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff, Duration retention) {

    static final DeliverySettings DEFAULTS = new DeliverySettings(Duration.ofSeconds(1), 5, Duration.ofSeconds(1),
            10, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofDays(7));

    DeliverySettings {
        requireNotNegative(perChannelInterval, "perChannelInterval");
        requireNotNegative(digestWindow, "digestWindow");
        requireNotNegative(initialBackoff, "initialBackoff");
        requireNotNegative(maxBackoff, "maxBackoff");
        requireNotNegative(retention, "retention");
        if (digestThreshold < 1) {
            throw new IllegalArgumentException("digestThreshold must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after {@code attempts} failed attempts. */
    Duration backoff(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static void requireNotNegative(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
