package dev.mstudio.slackbot.notify;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A bounded wait for a condition other threads bring about (never an assertion on time). */
final class Waits {
    static final Duration GENEROUS = Duration.ofSeconds(20);

    private Waits() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
