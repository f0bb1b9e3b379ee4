package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import dev.mstudio.training.FineTuneLogs;
import dev.mstudio.training.Watchdog;
import dev.mstudio.watch.WatchEvent;
import dev.mstudio.watch.WatchScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The watchdog over the fine-tunes channels watch: what the shared watchers fetch feeds it, and an
 * alert (queued too long, stalled, NaN or rising loss) becomes one message in every channel watching
 * the job, said once, by the replica that leads.
 */
final class WatchAlerts implements AutoCloseable {
    private final BotStore store;
    private final Messages messages;
    private final Clock clock;
    private final Leadership leadership;
    private final Runnable wake;
    private final Watchdog watchdog;

    WatchAlerts(BotStore store, Messages messages, Clock clock, Leadership leadership, Runnable wake,
            FineTuneLogs logs, WatchScheduler scheduler) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
        this.leadership = leadership;
        this.wake = wake;
        this.watchdog = new Watchdog(logs, scheduler, clock, Watchdog.Thresholds.DEFAULTS, this::alert);
    }

    /** A watched job as last fetched. */
    void observe(WatchEvent event) {
        if (event instanceof WatchEvent.JobSeen seen) {
            watchdog.observe(seen.job());
        } else if (event instanceof WatchEvent.StatusChanged changed) {
            watchdog.observe(changed.job());
        }
    }

    @Override
    public void close() {
        watchdog.close();
    }

    private void alert(Watchdog.Alert alert) {
        if (!leadership.isLeader()) {
            return;
        }
        Payload payload = messages.alert(alert.message());
        Instant now = clock.instant();
        store.tx(c -> {
            List<OutboxEntry.New> entries = store.watches().activeForJob(c, JobKind.FINETUNE, alert.jobId()).stream()
                    .map(watch -> new OutboxEntry.New(watch.channel(), OutboxEntry.Op.NOTICE, null, payload, now))
                    .toList();
            store.outbox().insert(c, entries, now);
            return null;
        });
        wake.run();
    }
}
