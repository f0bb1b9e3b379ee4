package dev.mstudio.slackbot.notify;

import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.training.FineTuneLogs;
import dev.mstudio.training.Watchdog;
import dev.mstudio.watch.WatchEvent;
import dev.mstudio.watch.WatchScheduler;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The watchdog over the fine-tunes channels follow: what the shared watchers fetch feeds it. A
 * channel watching a job is told with the default thresholds; a channel subscribed to fine-tunes
 * with {@code --alerts} about every running job of its filter, with its own thresholds. Each alert
 * (queued too long, stalled, NaN or rising loss) becomes one message per channel and condition,
 * said once, by the replica that leads. Jobs nobody wants alerts for cost no log request.
 */
final class WatchAlerts implements AutoCloseable {
    private static final Watchdog.Thresholds WATCHES = Watchdog.Thresholds.DEFAULTS;

    private final BotStore store;
    private final Messages messages;
    private final Clock clock;
    private final Leadership leadership;
    private final Runnable wake;
    private final Watchdog watchdog;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private volatile List<NotifySubscription> subscriptions = List.of();

    WatchAlerts(BotStore store, Messages messages, Clock clock, Leadership leadership, Runnable wake,
            FineTuneLogs logs, WatchScheduler scheduler) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
        this.leadership = leadership;
        this.wake = wake;
        this.watchdog = new Watchdog(logs, scheduler, clock, WATCHES, this::thresholds, this::alert);
    }

    /** A job as last fetched: {@code watchedJob} when it came from a channel's watch of it. */
    void observe(WatchEvent event, boolean watchedJob) {
        Job job = event instanceof WatchEvent.JobSeen seen ? seen.job()
                : event instanceof WatchEvent.StatusChanged changed ? changed.job() : null;
        if (job == null || job.kind() != JobKind.FINETUNE) {
            return;
        }
        if (job.terminal()) {
            watched.remove(job.id());
            told.removeIf(key -> key.startsWith(job.id() + "/"));
        } else if (watchedJob) {
            watched.add(job.id());
        }
        watchdog.observe(job);
    }

    /** The channels' subscriptions as the store holds them now (those with alerts are kept). */
    void subscriptions(Collection<NotifySubscription> all) {
        subscriptions = all.stream().filter(sub -> sub.alerts() != null).toList();
    }

    @Override
    public void close() {
        watchdog.close();
    }

    /** The thresholds the job is checked against: none when nobody wants alerts about it. */
    private Collection<Watchdog.Thresholds> thresholds(Job job) {
        Set<Watchdog.Thresholds> wanted = new LinkedHashSet<>();
        if (watched.contains(job.id())) {
            wanted.add(WATCHES);
        }
        for (NotifySubscription sub : subscriptions) {
            if (sub.wantsAlerts(job.kind(), job.model())) {
                wanted.add(sub.alerts());
            }
        }
        return wanted;
    }

    private void alert(Watchdog.Alert alert) {
        if (!leadership.isLeader()) {
            return;
        }
        Payload payload = messages.alert(alert.message());
        Instant now = clock.instant();
        boolean queued = store.tx(c -> {
            List<OutboxEntry.New> entries = new ArrayList<>();
            for (String channel : channels(c, alert)) {
                if (told.add(alert.jobId() + "/" + channel + "/" + alert.condition())) {
                    entries.add(new OutboxEntry.New(channel, OutboxEntry.Op.NOTICE, null, payload, now));
                }
            }
            store.outbox().insert(c, entries, now);
            return !entries.isEmpty();
        });
        if (queued) {
            wake.run();
        }
    }

    /** Who uses the threshold the alert was raised at: watching channels (defaults), subscribed ones (theirs). */
    private Set<String> channels(Connection c, Watchdog.Alert alert) throws SQLException {
        Set<String> channels = new LinkedHashSet<>();
        if (WATCHES.level(alert.condition()) == alert.level()) {
            store.watches().activeForJob(c, JobKind.FINETUNE, alert.jobId()).forEach(w -> channels.add(w.channel()));
        }
        for (NotifySubscription sub : store.subscriptions().all(c)) {
            if (sub.wantsAlerts(JobKind.FINETUNE, alert.model())
                    && sub.alerts().level(alert.condition()) == alert.level()) {
                channels.add(sub.channel());
            }
        }
        return channels;
    }
}
