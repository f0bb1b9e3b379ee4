package dev.mstudio.slackbot.command;

import dev.mstudio.client.JobKind;
import dev.mstudio.slackbot.notify.ChannelSubscriptions;
import dev.mstudio.slackbot.notify.NotifySubscription;
import dev.mstudio.slackbot.notify.SubscriptionSpec;
import dev.mstudio.slackbot.notify.WatchStart;
import java.io.IOException;

/**
 * What the bot's channel commands need from the notifier: follow one job in a channel, subscribe a
 * channel to a kind of job, stop either, and list them. The notifier implements the delivery.
 */
public interface ChannelFollowing {

    /** Follows {@code jobId} in {@code channel}; throws what looking the job up throws (e.g. NotFound). */
    WatchStart watch(String channel, JobKind kind, String jobId, String userId) throws IOException;

    /** Subscribes {@code channel} to every job that ends of the kind (and model, if given) {@code spec} names. */
    NotifySubscription subscribe(String channel, SubscriptionSpec spec, String userId);

    /**
     * Stops a subscription (by its ID, or every one of a kind: "imports", "finetunes", "deployments"), a watch (by
     * job ID), or everything ("all"); false when nothing matched.
     */
    boolean unsubscribe(String channel, String idOrKind);

    /** Why the bot could not post in {@code channel}: a sentence with the fix; empty when it can. */
    java.util.Optional<String> cannotPost(String channel);

    /** What last went wrong delivering to {@code channel}, until a message reaches it again. */
    java.util.Optional<String> deliveryProblem(String channel);

    /** What {@code channel} follows now. */
    ChannelSubscriptions subscriptions(String channel);
}
