package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import dev.mstudio.slackbot.notify.NotifySubscription.Broadcast;
import java.util.Objects;

/**
 * What {@code subscribe} asks for: which jobs, and how their outcomes are shown.
 *
 * @param kind         imports or fine-tunes
 * @param model        only jobs of this model (case-insensitive); null for any
 * @param onlyFailures only jobs that end FAILED
 * @param broadcast    which outcomes are posted in the channel itself
 */
public record SubscriptionSpec(JobKind kind, String model, boolean onlyFailures, Broadcast broadcast) {

    public SubscriptionSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(broadcast, "broadcast");
    }

    /** Every job of {@code kind}, failures in the channel and successes in the day's thread. */
    public static SubscriptionSpec of(JobKind kind) {
        return new SubscriptionSpec(kind, null, false, Broadcast.FAILURES);
    }
}
