package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import dev.mstudio.training.Watchdog;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel's standing request to hear about every terminal transition of a job kind.
 *
 * @param id           short ID, e.g. {@code sub-3f9a1c}, for {@code unsubscribe ID}
 * @param channel      the Slack channel ID
 * @param kind         imports or fine-tunes
 * @param model        only jobs of this model (case-insensitive); null for any
 * @param onlyFailures only jobs that end FAILED
 * @param broadcast    which outcomes are posted in the channel itself; the others are replies in
 *                     the channel's thread of the day
 * @param alerts       for fine-tunes: the watchdog's thresholds for this channel's alerts about
 *                     running jobs (stalled log, long queue, NaN or rising loss); null for none
 * @param createdBy    the Slack user ID that subscribed (may be null)
 * @param createdAt    when
 */
public record NotifySubscription(String id, String channel, JobKind kind, String model, boolean onlyFailures,
        Broadcast broadcast, Watchdog.Thresholds alerts, String createdBy, Instant createdAt) {

    /** Which of a subscription's outcomes show in the channel; the rest stay in the day's thread. */
    public enum Broadcast {
        /** Failures in the channel, successes in the thread (the default). */
        FAILURES,
        /** Every outcome in the channel. */
        ALL,
        /** Every outcome in the thread. */
        NONE;

        /** The mode a word of {@code --broadcast} names ("failures", "all", "none"), any case. */
        public static Optional<Broadcast> parse(String word) {
            if (word == null) {
                return Optional.empty();
            }
            for (Broadcast mode : values()) {
                if (mode.name().equalsIgnoreCase(word.trim())) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }

        /** True when an outcome ending in {@code status} is posted in the channel itself. */
        public boolean inChannel(JobKind kind, String status) {
            return switch (this) {
                case ALL -> true;
                case NONE -> false;
                case FAILURES -> Outcomes.isFailure(kind, status);
            };
        }

        /** The word users type. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public NotifySubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(broadcast, "broadcast");
        model = model == null || model.isBlank() ? null : model.trim();
    }

    /** True when a job of this kind and model, ending in {@code status}, is for this subscription. */
    public boolean matches(JobKind jobKind, String jobModel, String status) {
        return kind == jobKind
                && (model == null || model.equalsIgnoreCase(jobModel))
                && (!onlyFailures || Outcomes.isFailure(jobKind, status));
    }

    /** True when the channel wants the watchdog's alerts about this running job. */
    boolean wantsAlerts(JobKind jobKind, String jobModel) {
        return alerts != null && kind == jobKind && (model == null || model.equalsIgnoreCase(jobModel));
    }

    /** The same subscription, shown as {@code spec} asks now. */
    NotifySubscription shownAs(SubscriptionSpec spec) {
        return new NotifySubscription(id, channel, kind, model, onlyFailures, spec.broadcast(), spec.alerts(),
                createdBy, createdAt);
    }

    /** True when it asks for the same jobs as {@code other}, whoever created it and however shown. */
    boolean sameFilter(NotifySubscription other) {
        return channel.equals(other.channel) && kind == other.kind && onlyFailures == other.onlyFailures
                && (model == null ? other.model == null : model.equalsIgnoreCase(other.model));
    }
}
