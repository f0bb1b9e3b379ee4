package dev.mstudio.slackbot.notify;

import java.util.List;

/** What a channel follows: its subscriptions and the jobs it watches (still running), oldest first. */
public record ChannelSubscriptions(List<NotifySubscription> subscriptions, List<ChannelWatch> watches) {

    public ChannelSubscriptions {
        subscriptions = List.copyOf(subscriptions);
        watches = List.copyOf(watches);
    }

    public boolean isEmpty() {
        return subscriptions.isEmpty() && watches.isEmpty();
    }
}
