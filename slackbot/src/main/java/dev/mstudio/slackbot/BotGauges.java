package dev.mstudio.slackbot;

import dev.mstudio.client.JobKind;
import dev.mstudio.slackbot.metrics.BotMetrics;
import dev.mstudio.slackbot.notify.Notifier;
import dev.mstudio.slackbot.notify.NotifyHealth;
import dev.mstudio.watch.Watchers;
import java.util.function.BooleanSupplier;

/** The gauges and kept counters of a running bot: outbox, deliveries, watched jobs by kind, leadership. */
final class BotGauges {
    private BotGauges() {
    }

    static void register(BotMetrics metrics, Notifier notifier, Watchers watchers, BooleanSupplier leader) {
        metrics.gauge("mstudio_outbox_pending", "notifications waiting to be delivered", notifier,
                n -> n.health().pending());
        metrics.gauge("mstudio_outbox_oldest_age_seconds", "age of the oldest notification waiting", notifier,
                n -> n.oldestPendingAge().toMillis() / 1000.0);
        metrics.counter("mstudio_deliveries", "Slack calls that delivered notifications",
                () -> health(notifier).delivered());
        metrics.counter("mstudio_drops", "notifications given up on (their owners were told)",
                () -> health(notifier).dropped());
        metrics.counter("mstudio_reconciled", "posts whose lost answer was found in Slack instead of re-sent",
                () -> health(notifier).reconciled());
        metrics.gauge("mstudio_failing_channels", "channels whose last notification was given up on", notifier,
                n -> n.health().failingChannels());
        for (JobKind kind : JobKind.values()) {
            metrics.gauge("mstudio_watched_jobs", "jobs the shared watchers follow one by one", watchers,
                    w -> w.of(kind).health().watchedJobs(), "kind", kind.plural());
        }
        metrics.gauge("mstudio_leader", "1 when this replica polls DashScope and delivers", leader,
                l -> l.getAsBoolean() ? 1 : 0);
    }

    private static NotifyHealth health(Notifier notifier) {
        return notifier.health();
    }
}
