package dev.mstudio.slackbot;

import dev.mstudio.client.JobKind;
import dev.mstudio.slackbot.command.ChannelFollowing;
import dev.mstudio.slackbot.notify.ChannelSubscriptions;
import dev.mstudio.slackbot.notify.Notifier;
import dev.mstudio.slackbot.notify.NotifySubscription;
import dev.mstudio.slackbot.notify.SubscriptionSpec;
import dev.mstudio.slackbot.notify.WatchStart;
import java.io.IOException;

/** The channel commands' view of the {@link Notifier}. */
final class NotifierFollowing implements ChannelFollowing {
    private final Notifier notifier;

    NotifierFollowing(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public WatchStart watch(String channel, JobKind kind, String jobId, String userId) throws IOException {
        return notifier.watch(channel, kind, jobId, userId);
    }

    @Override
    public NotifySubscription subscribe(String channel, SubscriptionSpec spec, String userId) {
        return notifier.subscribe(channel, spec, userId);
    }

    @Override
    public java.util.Optional<String> cannotPost(String channel) {
        return notifier.cannotPost(channel);
    }

    @Override
    public java.util.Optional<String> deliveryProblem(String channel) {
        return notifier.deliveryProblem(channel);
    }

    @Override
    public boolean unsubscribe(String channel, String idOrKind) {
        return notifier.unsubscribe(channel, idOrKind);
    }

    @Override
    public ChannelSubscriptions subscriptions(String channel) {
        return notifier.subscriptions(channel);
    }
}
