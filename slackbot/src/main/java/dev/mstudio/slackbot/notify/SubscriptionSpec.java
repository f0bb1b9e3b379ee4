package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import dev.mstudio.slackbot.notify.NotifySubscription.Broadcast;
import dev.mstudio.training.Watchdog;
import java.util.Objects;

/**
 * What {@code subscribe} asks for: which jobs, and how their outcomes are shown.
 *
 * @param kind         imports or fine-tunes
 * @param model        only jobs of this model (case-insensitive); null for any
 * @param onlyFailures only jobs that end FAILED
 * @param broadcast    which outcomes are posted in the channel itself
 * @param alerts       the watchdog's thresholds for alerts about running fine-tunes, or null for none
 */
public record SubscriptionSpec(JobKind kind, String model, boolean onlyFailures, Broadcast broadcast,
        Watchdog.Thresholds alerts) {

    public SubscriptionSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(broadcast, "broadcast");
        if (alerts != null && kind != JobKind.FINETUNE) {
            throw new IllegalArgumentException("alerts are about fine-tune training logs");
        }
    }

    /** As asked, without alerts. */
    public SubscriptionSpec(JobKind kind, String model, boolean onlyFailures, Broadcast broadcast) {
        this(kind, model, onlyFailures, broadcast, null);
    }

    /** Every job of {@code kind}, failures in the channel and successes in the day's thread. */
    public static SubscriptionSpec of(JobKind kind) {
        return new SubscriptionSpec(kind, null, false, Broadcast.FAILURES);
    }
}
