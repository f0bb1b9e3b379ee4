package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A channel's standing request to hear about every terminal transition of a job kind.
 *
 * @param id           short ID, e.g. {@code sub-3f9a1c}, for {@code unsubscribe ID}
 * @param channel      the Slack channel ID
 * @param kind         imports or fine-tunes
 * @param model        only jobs of this model (case-insensitive); null for any
 * @param onlyFailures only jobs that end FAILED
 * @param createdBy    the Slack user ID that subscribed (may be null)
 * @param createdAt    when
 */
public record NotifySubscription(String id, String channel, JobKind kind, String model, boolean onlyFailures,
        String createdBy, Instant createdAt) {

    public NotifySubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        model = model == null || model.isBlank() ? null : model.trim();
    }

    /** True when a job of this kind and model, ending in {@code status}, is for this subscription. */
    public boolean matches(JobKind jobKind, String jobModel, String status) {
        return kind == jobKind
                && (model == null || model.equalsIgnoreCase(jobModel))
                && (!onlyFailures || Outcomes.isFailure(jobKind, status));
    }

    /** True when it asks for the same thing as {@code other}, whoever created it. */
    boolean sameFilter(NotifySubscription other) {
        return channel.equals(other.channel) && kind == other.kind && onlyFailures == other.onlyFailures
                && (model == null ? other.model == null : model.equalsIgnoreCase(other.model));
    }
}
