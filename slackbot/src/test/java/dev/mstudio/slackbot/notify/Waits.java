package dev.mstudio.slackbot.notify;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/** A bounded wait for a condition other threads bring about (never an assertion on time). */
final class Waits {
    static final Duration GENEROUS = Duration.ofSeconds(20);

    private Waits() {
    }

    static void until(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(GENEROUS).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }
}
