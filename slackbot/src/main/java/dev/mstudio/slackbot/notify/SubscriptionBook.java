package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The channels' subscriptions: recording and removing them, and keeping what follows from them in
 * step — the shared watchers follow a kind while any channel subscribes to it (when this replica
 * leads), and the watchdog knows which subscriptions want alerts.
 */
final class SubscriptionBook {
    private final BotStore store;
    private final CoreSubscriptions core;
    private final WatchAlerts alerts;
    private final Leadership leadership;
    private final Clock clock;
    private final Object kindLock = new Object();

    SubscriptionBook(BotStore store, CoreSubscriptions core, WatchAlerts alerts, Leadership leadership, Clock clock) {
        this.store = store;
        this.core = core;
        this.alerts = alerts;
        this.leadership = leadership;
        this.clock = clock;
    }

    /** Subscribes {@code channel}; asking again for the same jobs changes how the one subscription shows them. */
    NotifySubscription subscribe(String channel, SubscriptionSpec spec, String userId) {
        NotifySubscription wanted = new NotifySubscription("sub-" + UUID.randomUUID().toString().substring(0, 8),
                channel, spec.kind(), spec.model(), spec.onlyFailures(), spec.broadcast(), spec.alerts(), userId,
                clock.instant());
        synchronized (kindLock) {
            NotifySubscription result = store.tx(c -> {
                for (NotifySubscription existing : store.subscriptions().inChannel(c, channel)) {
                    if (existing.sameFilter(wanted)) {
                        NotifySubscription changed = existing.shownAs(spec);
                        store.subscriptions().update(c, changed);
                        return changed;
                    }
                }
                store.subscriptions().insert(c, wanted);
                return wanted;
            });
            if (leadership.isLeader()) {
                core.followKind(spec.kind());
            }
            tellAlerts();
            return result;
        }
    }

    /**
     * Removes the channel's subscriptions {@code target} names: one by its ID, every one of a kind
     * (its plural: "imports", "finetunes", "deployments"), or all of them ("all").
     */
    List<NotifySubscription> remove(String channel, String target) {
        JobKind kind = Arrays.stream(JobKind.values())
                .filter(k -> k.plural().equalsIgnoreCase(target.replace("-", ""))).findFirst().orElse(null);
        List<NotifySubscription> removed = store.tx(c -> {
            List<NotifySubscription> matching = store.subscriptions().inChannel(c, channel).stream()
                    .filter(s -> s.id().equalsIgnoreCase(target) || s.kind() == kind || "all".equalsIgnoreCase(target))
                    .toList();
            for (NotifySubscription s : matching) {
                store.subscriptions().delete(c, s.id());
            }
            return matching;
        });
        removed.stream().map(NotifySubscription::kind).distinct().forEach(this::unfollowIfUnused);
        return removed;
    }

    private void unfollowIfUnused(JobKind kind) {
        synchronized (kindLock) {
            boolean used = store.tx(c -> {
                boolean any = store.subscriptions().all(c).stream().anyMatch(s -> s.kind() == kind);
                if (!any) {
                    store.state().clearAnnounced(c, kind);
                }
                return any;
            });
            if (!used) {
                core.unfollowKind(kind);
            }
            tellAlerts();
        }
    }

    /** The watchdog learns which subscriptions want alerts, and at what thresholds. */
    private void tellAlerts() {
        alerts.subscriptions(store.tx(c -> store.subscriptions().all(c)));
    }
}
