package dev.mstudio.client;

import java.time.Duration;

/**
 * Waits between retries. The client never calls {@link Thread#sleep} itself, so tests inject a
 * sleeper that advances a fake clock instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really sleeps, on the calling thread. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
