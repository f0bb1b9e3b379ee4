package dev.mstudio.slackbot.notify;

import dev.mstudio.watch.WatchScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's delivery worker. Each pump reads the first pending entry of every channel and sends
 * those whose channel may be sent to now (see {@link ChannelPacing}) on the executor, one call in
 * flight per channel, so each channel's entries go in order; then it sleeps until the next channel
 * is ready or something new is queued. An entry is marked SENT only after Slack accepted it; 429s
 * wait out Retry-After and send the same entry again; transient failures back off and retry;
 * permanent Slack errors are recorded, logged and dropped.
 */
final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private static final Duration AFTER_STORE_ERROR = Duration.ofSeconds(5);

    private final BotStore store;
    private final SlackSender sender;
    private final DeliverySettings settings;
    private final Clock clock;
    private final Executor executor;
    private final AttemptPlanner planner;
    private final ChannelPacing pacing;
    private final WakeLoop loop;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong reconciled = new AtomicLong();
    private final FailureNotices failures;
    private final java.util.function.Function<String, byte[]> charts;
    private volatile Instant lastDeliveryAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private final Leadership leadership;
    private volatile boolean closed;

    Delivery(BotStore store, SlackSender sender, DeliverySettings settings, Messages messages, Clock clock,
            WatchScheduler scheduler, Executor executor, Leadership leadership,
            java.util.function.Function<String, byte[]> charts) {
        this.charts = charts;
        this.store = store;
        this.leadership = leadership;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.planner = new AttemptPlanner(store, messages, settings.digestThreshold());
        this.pacing = new ChannelPacing(settings.perChannelInterval());
        this.failures = new FailureNotices(store, clock);
        this.loop = new WakeLoop(scheduler, clock, this::pump);
    }

    /** Something was queued (or may be sendable now): pump as soon as possible. */
    void wake() {
        loop.wakeNow();
    }

    void close() {
        closed = true;
        loop.close();
    }

    NotifyHealth health(long pending, int watchedJobs, int coreSubscriptions) {
        return new NotifyHealth(pending, delivered.get(), dropped.get(), throttled.get(), lastDeliveryAt, lastError,
                lastErrorAt, pacing.waiting(clock.instant()), watchedJobs, coreSubscriptions,
                failures.channelsWithProblems(), reconciled.get());
    }

    /** What last went wrong delivering to {@code channel}, until a message reaches it again. */
    java.util.Optional<FailureNotices.Problem> problem(String channel) {
        return failures.problem(channel);
    }

    private void pump() {
        if (closed || !leadership.isLeader()) {
            return;
        }
        List<OutboxEntry> heads;
        try {
            heads = store.tx(c -> store.outbox().heads(c));
        } catch (RuntimeException e) {
            recordError("reading the outbox: " + e.getMessage());
            loop.wakeAt(clock.instant().plus(AFTER_STORE_ERROR));
            return;
        }
        Instant now = clock.instant();
        Instant next = null;
        for (OutboxEntry head : heads) {
            Instant ready = pacing.readyAt(head.channel(), head.notBefore());
            if (ready.isAfter(now)) {
                next = next == null || ready.isBefore(next) ? ready : next;
            } else if (pacing.claim(head.channel())) {
                dispatch(head);
            }
        }
        if (next != null) {
            loop.wakeAt(next);
        }
    }

    private void dispatch(OutboxEntry head) {
        try {
            executor.execute(() -> {
                try {
                    deliver(head);
                } catch (RuntimeException e) {
                    recordError("delivering to " + head.channel() + ": " + e.getMessage());
                    pacing.called(head.channel(), clock.instant().plus(AFTER_STORE_ERROR));
                } finally {
                    pacing.release(head.channel());
                    loop.wakeNow();
                }
            });
        } catch (RejectedExecutionException e) {
            pacing.release(head.channel());
        }
    }

    private void deliver(OutboxEntry head) {
        if (closed || !leadership.isLeader()) {
            return;
        }
        Attempt attempt = store.tx(c -> planner.plan(c, head));
        if (attempt == null) {
            return;
        }
        if (attempt.call() == null) {
            drop(attempt, attempt.skip());
            return;
        }
        Attempt.Call call = attempt.call();
        if (call.upload()) {
            upload(attempt);
            return;
        }
        if (!call.update() && reconciled(attempt)) {
            return;
        }
        SendResult result;
        if (call.update()) {
            result = sender.update(call.channel(), call.ts(), call.payload());
        } else {
            store.tx(c -> {
                store.outbox().markSending(c, attempt.ids());
                return null;
            });
            result = sender.post(call.channel(), call.threadTs(), call.broadcast(),
                    call.payload().stamped(attempt.ids()));
        }
        Instant now = clock.instant();
        pacing.called(head.channel(), now);
        settle(attempt, result, now);
    }

    /** A fine-tune's loss chart, drawn now from its log and uploaded into the watch's thread. */
    private void upload(Attempt attempt) {
        Attempt.Call call = attempt.call();
        String jobId = call.payload().line();
        byte[] png = jobId == null ? null : charts.apply(jobId);
        Instant now = clock.instant();
        if (png == null) {
            settle(attempt, SendResult.ok(call.threadTs()), now);
            return;
        }
        SendResult result = sender.upload(call.channel(), call.threadTs(), ChartPng.filename(jobId),
                call.payload().text(), png);
        pacing.called(attempt.head().channel(), clock.instant());
        settle(attempt, result, clock.instant());
    }

    /**
     * For a post whose last call's answer was lost: looks for the message in Slack (by the entry IDs
     * in its metadata) and, when found, adopts it instead of posting again. True when nothing more
     * is to be done now: found and settled, or Slack could not be asked (retried later).
     */
    private boolean reconciled(Attempt attempt) {
        OutboxEntry head = attempt.head();
        java.util.Optional<Instant> since = store.tx(c -> store.outbox().unknownSince(c, head.id()));
        if (since.isEmpty()) {
            return false;
        }
        Attempt.Call call = attempt.call();
        Lookup lookup = sender.find(call.channel(), call.threadTs(), since.get(), head.id());
        Instant now = clock.instant();
        pacing.called(head.channel(), now);
        switch (lookup.result()) {
            case FOUND -> {
                List<Long> ids = lookup.ids().isEmpty() ? attempt.ids() : lookup.ids();
                settle(new Attempt(head, ids, call, null), SendResult.ok(lookup.ts()), now);
                reconciled.incrementAndGet();
                LOG.info("Found the message of outbox entry {} in channel {}: its lost answer was a success",
                        head.id(), head.channel());
                return true;
            }
            case UNKNOWN -> {
                retryOrDrop(attempt, OutboxTable.UNKNOWN_OUTCOME + "; cannot check Slack: " + lookup.error(), now);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void settle(Attempt attempt, SendResult result, Instant now) {
        OutboxEntry head = attempt.head();
        switch (result.outcome()) {
            case OK -> {
                store.tx(c -> {
                    store.outbox().settle(c, attempt.ids(), OutboxTable.SENT, null, now);
                    if (head.op() == OutboxEntry.Op.POST && result.ts() != null) {
                        store.watches().setMessageTs(c, head.watchId(), result.ts());
                    }
                    return null;
                });
                delivered.incrementAndGet();
                lastDeliveryAt = now;
                failures.delivered(head.channel());
            }
            case RATE_LIMITED -> {
                store.tx(c -> {
                    store.outbox().markNotSent(c, attempt.ids(), "rate limited");
                    return null;
                });
                throttled.incrementAndGet();
                pacing.throttled(head.channel(), now, now.plus(result.retryAfter()));
                recordError("rate limited on channel " + head.channel() + ", retrying after "
                        + result.retryAfter().toSeconds() + " s");
                LOG.info("Slack rate limit on channel {}: waiting {} s before sending again", head.channel(),
                        result.retryAfter().toSeconds());
            }
            case TRANSIENT -> retryOrDrop(attempt, attempt.call().update() ? result.error()
                    : OutboxTable.UNKNOWN_OUTCOME + ": " + result.error(), now);
            case PERMANENT -> drop(attempt, result.error());
        }
    }

    private void retryOrDrop(Attempt attempt, String error, Instant now) {
        OutboxEntry head = attempt.head();
        int attempts = head.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            drop(attempt, error + " (after " + attempts + " attempts)");
            return;
        }
        Duration wait = settings.backoff(attempts);
        store.tx(c -> {
            store.outbox().retryLater(c, head.id(), attempts, now.plus(wait), error);
            return null;
        });
        recordError("channel " + head.channel() + ": " + error);
        LOG.warn("Slack call for channel {} failed ({}); attempt {} of {}, retrying in {} s", head.channel(), error,
                attempts, settings.maxAttempts(), wait.toSeconds());
    }

    private void drop(Attempt attempt, String reason) {
        Instant now = clock.instant();
        store.tx(c -> {
            store.outbox().settle(c, attempt.ids(), OutboxTable.DROPPED, reason, now);
            return null;
        });
        dropped.addAndGet(attempt.ids().size());
        recordError("dropped " + attempt.ids().size() + " notification(s) for channel " + attempt.head().channel()
                + ": " + reason);
        LOG.warn("Dropped {} notification(s) for channel {}: {}", attempt.ids().size(), attempt.head().channel(),
                reason);
        if (failures.dropped(attempt.head(), reason)) {
            loop.wakeNow();
        }
    }

    private void recordError(String error) {
        lastError = error;
        lastErrorAt = clock.instant();
    }
}
