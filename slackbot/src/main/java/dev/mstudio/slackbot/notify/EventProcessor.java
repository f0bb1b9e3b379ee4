package dev.mstudio.slackbot.notify;

import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.watch.WatchEvent;
import dev.mstudio.watch.WatchEvent.JobSeen;
import dev.mstudio.watch.WatchEvent.StatusChanged;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns core events into outbox entries. Events queue here and are drained on the executor by one
 * task at a time, each batch in ONE transaction that records what channels were told (watch
 * statuses, statuses acted on) together with the messages that tell them.
 */
final class EventProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(EventProcessor.class);
    private static final int MAX_BATCH = 500;

    /** What to do once a batch committed. */
    interface AfterCommit {
        /** Called for each job whose watches may all have ended. */
        void jobMayBeUnwatched(JobKind kind, String jobId);

        /** Called when the batch queued anything. */
        void queued();
    }

    private final BotStore store;
    private final Messages messages;
    private final Clock clock;
    private final Duration digestWindow;
    private final Executor executor;
    private final AfterCommit after;
    private final java.util.function.Function<Job, List<String>> tails;
    private final Queue<Incoming> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile String lastError;

    EventProcessor(BotStore store, Messages messages, Clock clock, Duration digestWindow, Executor executor,
            AfterCommit after, java.util.function.Function<Job, List<String>> tails) {
        this.tails = tails;
        this.store = store;
        this.messages = messages;
        this.clock = clock;
        this.digestWindow = digestWindow;
        this.executor = executor;
        this.after = after;
    }

    void offer(Incoming incoming) {
        queue.add(incoming);
        kick();
    }

    String lastError() {
        return lastError;
    }

    private void kick() {
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining.set(false);
        }
    }

    private void drain() {
        try {
            List<Incoming> batch = new ArrayList<>();
            Incoming next;
            while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                process(batch);
            }
        } finally {
            draining.set(false);
        }
        kick();
    }

    private void process(List<Incoming> batch) {
        Batch work = new Batch(clock.instant());
        for (Incoming incoming : batch) {
            Job job = jobOf(incoming.event());
            if (job != null && job.kind() == JobKind.FINETUNE && job.terminal()
                    && !work.tails.containsKey(job.id())) {
                work.tails.put(job.id(), tails.apply(job));
            }
        }
        try {
            store.tx(c -> {
                for (Incoming incoming : batch) {
                    if (incoming.source() == Incoming.Source.WATCH) {
                        watchEvent(c, incoming.event(), work);
                    } else {
                        subscriptionEvent(c, incoming.event(), work);
                    }
                }
                store.outbox().insert(c, work.entries, work.now);
                for (Map.Entry<JobKind, Map<String, String>> changed : work.handled.entrySet()) {
                    store.state().setAnnounced(c, changed.getKey(), changed.getValue(), work.now.toEpochMilli());
                }
                return null;
            });
        } catch (RuntimeException e) {
            lastError = "processing " + batch.size() + " watcher event(s): " + e.getMessage();
            LOG.error("Could not record {} watcher event(s): {}", batch.size(), e.getMessage());
            return;
        }
        work.finished.forEach(key -> after.jobMayBeUnwatched(key.kind(), key.jobId()));
        if (!work.entries.isEmpty()) {
            after.queued();
        }
    }

    /** A watched job changed: update every watching channel's message; on the end, reply in its thread. */
    private void watchEvent(Connection c, WatchEvent event, Batch work) throws SQLException {
        Job job = jobOf(event);
        String status = job != null ? job.status() : Outcomes.GONE;
        if (status == null) {
            return;
        }
        boolean end = Outcomes.isFinal(event.kind(), status);
        for (ChannelWatch watch : store.watches().activeForJob(c, event.kind(), event.jobId())) {
            if (status.equalsIgnoreCase(watch.lastStatus())) {
                continue;
            }
            Payload update = job != null ? messages.watchMessage(job, watch.userId())
                    : messages.goneMessage(event.kind(), event.jobId(), watch.userId());
            work.add(watch.channel(), OutboxEntry.Op.UPDATE, watch.id(), update, work.now);
            if (end) {
                Payload reply = job != null ? messages.reply(job, watch.userId(), tail(work, job))
                        : messages.goneReply(event.kind(), event.jobId());
                work.add(watch.channel(), OutboxEntry.Op.REPLY, watch.id(), reply, work.now.plus(digestWindow));
                if (job != null && job.kind() == JobKind.FINETUNE) {
                    work.add(watch.channel(), OutboxEntry.Op.CHART, watch.id(), new Payload("Training loss of fine-tune job "
                            + job.id(), null, false, job.id()), work.now.plus(digestWindow));
                }
            }
            store.watches().told(c, watch.id(), status, !end);
        }
        if (end || store.watches().activeForJob(c, event.kind(), event.jobId()).isEmpty()) {
            work.finished.add(new Batch.Key(event.kind(), event.jobId()));
        }
    }

    /** A job of a subscribed kind moved: tell every matching channel once about a terminal transition. */
    private void subscriptionEvent(Connection c, WatchEvent event, Batch work) throws SQLException {
        Job job = jobOf(event);
        if (job == null || job.status() == null) {
            return;
        }
        JobKind kind = job.kind();
        Map<String, String> decided = work.handled.getOrDefault(kind, Map.of());
        String before = decided.containsKey(job.id()) ? decided.get(job.id())
                : store.state().announced(c, kind, job.id());
        if (job.status().equalsIgnoreCase(before)) {
            return;
        }
        work.handled.computeIfAbsent(kind, k -> new HashMap<>()).put(job.id(), job.status());
        boolean transition = event instanceof StatusChanged changed ? changed.finished()
                : job.terminal() && before != null && !kind.isTerminal(before);
        if (!transition) {
            return;
        }
        Set<String> watching = store.watches().channelsFor(c, kind, job.id());
        Map<String, Boolean> inChannel = new LinkedHashMap<>();
        for (NotifySubscription subscription : store.subscriptions().all(c)) {
            if (subscription.matches(kind, job.model(), job.status()) && !watching.contains(subscription.channel())) {
                inChannel.merge(subscription.channel(), subscription.broadcast().inChannel(kind, job.status()),
                        Boolean::logicalOr);
            }
        }
        Instant due = work.now.plus(digestWindow);
        Payload notice = inChannel.isEmpty() ? null : messages.notice(job, tail(work, job));
        for (Map.Entry<String, Boolean> told : inChannel.entrySet()) {
            if (told.getValue()) {
                work.add(told.getKey(), OutboxEntry.Op.NOTICE, null, notice, due);
            } else {
                work.add(told.getKey(), OutboxEntry.Op.THREADED, dayThread(c, told.getKey(), kind, work), notice,
                        due);
            }
        }
    }

    /**
     * The ID of the channel's thread of the day (UTC) for outcomes kept out of the channel: its
     * message is queued the first time the day needs it.
     */
    private String dayThread(Connection c, String channel, JobKind kind, Batch work) throws SQLException {
        LocalDate day = LocalDate.ofInstant(work.now, ZoneOffset.UTC);
        Optional<ChannelWatch> existing = store.watches().dayThread(c, channel, day);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        ChannelWatch thread = DayThreads.create(channel, kind, day, work.now);
        store.watches().insert(c, thread, false);
        work.add(channel, OutboxEntry.Op.POST, thread.id(), messages.dayThread(day), work.now);
        return thread.id();
    }

    private static List<String> tail(Batch work, Job job) {
        return work.tails.getOrDefault(job.id(), List.of());
    }

    private static Job jobOf(WatchEvent event) {
        if (event instanceof JobSeen seen) {
            return seen.job();
        }
        if (event instanceof StatusChanged changed) {
            return changed.job();
        }
        return null;
    }
}
