package dev.mstudio.slackbot.notify;

import com.slack.api.methods.MethodsClient;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.Jobs;
import dev.mstudio.training.FineTuneLogs;
import dev.mstudio.watch.Watchers;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Channel notifications about jobs, persisted in a {@link BotStore} and driven by the shared core
 * {@link Watchers}. A channel can watch a job (one message, updated in place, a thread reply when
 * it ends - failures broadcast) or subscribe to every terminal transition of a kind. Every message
 * goes through the store's outbox, written in the transaction of the state change that causes it,
 * and is delivered in order per channel within Slack's rate limits; after a restart whatever was
 * pending is still delivered. However many channels watch a job, the notifier holds one core
 * subscription for it. Thread-safe.
 *
 * <pre>{@code
 * Notifier notifier = Notifier.builder(watchers, jobs, app.client(), store).build().start();
 * notifier.watch("C123", JobKind.IMPORT, "imp-1", "U42");
 * }</pre>
 *
 * The watchers should be built with {@code .stateStore(store)} so that transitions that happen
 * while the bot is down are reported once. Store failures throw {@link IllegalStateException}.
 */
public final class Notifier implements AutoCloseable {
    private final Jobs jobs;
    private final BotStore store;
    private final Clock clock;
    private final Messages messages;
    private final DeliverySettings settings;
    private final CoreSubscriptions core;
    private final EventProcessor processor;
    private final Delivery delivery;
    private final WatchAlerts alerts;
    private final SlackSender sender;
    private final Runnable shutdown;
    private final SubscriptionBook subscriptions;
    private final Leadership leadership;
    private volatile boolean started;
    private volatile boolean leading;

    Notifier(NotifierBuilder b, NotifierBuilder.Runtime runtime) {
        this.jobs = b.jobs;
        this.store = b.store;
        this.clock = b.clock;
        this.settings = b.settings();
        this.messages = new Messages(clock);
        this.shutdown = runtime.shutdown();
        this.sender = b.sender;
        this.leadership = b.leadership;
        TrainingDetails training = new TrainingDetails(jobs.client());
        this.delivery = new Delivery(store, b.sender, settings, messages, clock, runtime.scheduler(),
                runtime.executor(), leadership, training::chart);
        this.processor = new EventProcessor(store, messages, clock, settings.digestWindow(), runtime.executor(),
                new EventProcessor.AfterCommit() {
                    @Override
                    public void jobMayBeUnwatched(JobKind kind, String jobId) {
                        release(kind, jobId);
                    }

                    @Override
                    public void queued() {
                        delivery.wake();
                    }
                }, training::under);
        this.alerts = new WatchAlerts(store, messages, clock, leadership, delivery::wake,
                new FineTuneLogs(jobs.client()), runtime.scheduler());
        this.core = new CoreSubscriptions(b.watchers, incoming -> {
            alerts.observe(incoming.event(), incoming.source() == Incoming.Source.WATCH);
            processor.offer(incoming);
        });
        this.subscriptions = new SubscriptionBook(store, core, alerts, leadership, clock);
    }

    /**
     * A builder. {@code slack} is a Web API client holding the bot token (Bolt's {@code app.client()},
     * or {@code Slack.getInstance(config).methods(token)}); the notifier calls chat.postMessage and
     * chat.update with it. A message Slack refuses for its form is sent again as plain text, split
     * if need be ({@link FallbackSender}), never dropped.
     */
    public static NotifierBuilder builder(Watchers watchers, Jobs jobs, MethodsClient slack, BotStore store) {
        return new NotifierBuilder(watchers, jobs,
                new FallbackSender(new MethodsSender(Objects.requireNonNull(slack, "slack"))), store);
    }

    /** Tidies the store and, when this replica leads, follows every watched job and subscribed kind and delivers. */
    public synchronized Notifier start() {
        if (started) {
            return this;
        }
        Instant cutoff = clock.instant().minus(settings.retention());
        store.tx(c -> {
            store.outbox().pruneSettled(c, cutoff);
            store.watches().pruneFinished(c, clock.instant().minus(DayThreads.KEPT));
            store.state().pruneAnnounced(c, cutoff.toEpochMilli());
            return null;
        });
        started = true;
        leading(leadership.isLeader());
        return this;
    }

    /** Why the bot could not post in {@code channel}, as a sentence with the fix; empty when it can. */
    public Optional<String> cannotPost(String channel) {
        return sender.cannotPost(channel);
    }

    /**
     * Whether this replica leads now (its {@link LeaderLease} calls this every few seconds). While
     * leading it follows every watched job and subscribed kind the store holds, whichever replica
     * recorded them, and delivers the outbox; once it stops leading it lets all of them go.
     */
    public synchronized void leading(boolean leads) {
        if (!started) {
            return;
        }
        if (leads) {
            if (!leading) {
                core.reloadState();
            }
            followStored();
            delivery.wake();
        } else if (leading) {
            core.releaseAll();
        }
        leading = leads;
    }

    private void followStored() {
        List<ChannelWatch> watches = store.tx(c -> store.watches().allActive(c));
        List<NotifySubscription> subscriptions = store.tx(c -> store.subscriptions().all(c));
        alerts.subscriptions(subscriptions);
        Set<JobKind> kinds = subscriptions.stream().map(NotifySubscription::kind).collect(Collectors.toSet());
        Set<String> watched = watches.stream().map(w -> w.kind() + "/" + w.jobId()).collect(Collectors.toSet());
        core.retainJobs((kind, jobId) -> watched.contains(kind + "/" + jobId));
        watches.forEach(w -> core.followJob(w.kind(), w.jobId()));
        kinds.forEach(core::followKind);
        core.followedKinds().stream().filter(k -> !kinds.contains(k)).forEach(core::unfollowKind);
    }

    /**
     * Starts watching a job in a channel: queues the channel's message about it, to be updated as
     * its status changes. Watching a job the channel already watches posts nothing new; a job that
     * already ended gets one message with its final state. The job's status is the one the shared
     * watcher last saw, or else fetched.
     *
     * @throws IOException                          when the service cannot be reached
     * @throws dev.mstudio.client.ApiException      e.g. NotFound for an unknown job
     */
    public WatchStart watch(String channel, JobKind kind, String jobId, String userId) throws IOException {
        requireStarted();
        requireText(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        requireText(jobId, "jobId");
        Job job = core.known(kind, jobId).orElse(null);
        if (job == null) {
            job = jobs.get(kind, jobId);
        }
        return watch(channel, job, userId);
    }

    /** Records the watch and its first message in one transaction, then follows the job. */
    private WatchStart watch(String channel, Job job, String userId) {
        JobKind kind = job.kind();
        Instant now = clock.instant();
        WatchStart start = store.tx(c -> {
            Optional<ChannelWatch> existing = store.watches().active(c, channel, kind, job.id());
            if (existing.isPresent()) {
                return started(channel, job, WatchStart.Outcome.ALREADY_WATCHING);
            }
            boolean ended = job.terminal();
            ChannelWatch watch = new ChannelWatch(newId("w-"), channel, kind, job.id(), userId, null, job.status(),
                    now);
            store.watches().insert(c, watch, !ended);
            store.outbox().insert(c, List.of(new OutboxEntry.New(channel, OutboxEntry.Op.POST, watch.id(),
                    messages.watchMessage(job, userId), now)), now);
            return started(channel, job, ended ? WatchStart.Outcome.ALREADY_FINISHED : WatchStart.Outcome.STARTED);
        });
        if (start.outcome() == WatchStart.Outcome.STARTED && leadership.isLeader()) {
            core.followJob(kind, job.id());
        }
        delivery.wake();
        return start;
    }

    /** Stops watching the job in the channel (its message stays as it is). False when not watched. */
    public boolean unwatch(String channel, String jobId) {
        requireStarted();
        List<ChannelWatch> stopped = store.tx(c -> {
            List<ChannelWatch> matching = store.watches().activeInChannel(c, channel).stream()
                    .filter(w -> w.jobId().equals(jobId)).toList();
            for (ChannelWatch watch : matching) {
                store.watches().deactivate(c, watch.id());
            }
            return matching;
        });
        stopped.forEach(w -> release(w.kind(), w.jobId()));
        return !stopped.isEmpty();
    }

    /**
     * Subscribes the channel to every terminal transition of a kind (narrowed to a model and/or to
     * failures). Asking again for the same jobs returns the existing subscription, with the
     * broadcast mode asked for now.
     */
    public NotifySubscription subscribe(String channel, SubscriptionSpec spec, String userId) {
        requireStarted();
        return subscriptions.subscribe(requireText(channel, "channel"), Objects.requireNonNull(spec, "spec"), userId);
    }

    /**
     * Removes what {@code what} names in the channel: a subscription ID, a kind ("imports",
     * "finetunes", "deployments": all the channel's subscriptions of it), "all" (every subscription and watch of
     * the channel), or a watched job ID. False when nothing matched.
     */
    public boolean unsubscribe(String channel, String what) {
        requireStarted();
        String target = requireText(what, "what").trim();
        List<NotifySubscription> removed = subscriptions.remove(channel, target);
        boolean watchesRemoved = "all".equalsIgnoreCase(target) ? unwatchAll(channel) : unwatch(channel, target);
        return !removed.isEmpty() || watchesRemoved;
    }

    /** The channel's subscriptions and running watches. */
    public ChannelSubscriptions subscriptions(String channel) {
        return store.tx(c -> new ChannelSubscriptions(store.subscriptions().inChannel(c, channel),
                store.watches().activeInChannel(c, channel)));
    }

    /** What last went wrong delivering to {@code channel}, as one line, until a message reaches it again. */
    public Optional<String> deliveryProblem(String channel) {
        return delivery.problem(channel).map(problem -> problem.reason() + " (since " + problem.since() + ")");
    }

    /** How long the oldest notification has waited to be delivered (zero when none waits). */
    public java.time.Duration oldestPendingAge() {
        return store.tx(c -> store.outbox().oldestPending(c))
                .map(oldest -> java.time.Duration.between(oldest, clock.instant()))
                .filter(age -> !age.isNegative()).orElse(java.time.Duration.ZERO);
    }

    public NotifyHealth health() {
        long pending = store.tx(c -> store.outbox().pendingCount(c));
        return delivery.health(pending, core.followedJobs(), core.size());
    }

    /**
     * Stops delivering and drops the core subscriptions; what is pending stays in the store for the
     * next start. Neither the watchers nor the store are closed (their owner closes them).
     */
    @Override
    public synchronized void close() {
        started = false;
        alerts.close();
        delivery.close();
        core.close();
        shutdown.run();
    }

    private boolean unwatchAll(String channel) {
        List<ChannelWatch> all = store.tx(c -> store.watches().activeInChannel(c, channel));
        all.forEach(w -> unwatch(channel, w.jobId()));
        return !all.isEmpty();
    }

    private void release(JobKind kind, String jobId) {
        core.releaseJob(kind, jobId, () -> store.tx(c -> !store.watches().activeForJob(c, kind, jobId).isEmpty()));
    }

    private static WatchStart started(String channel, Job job, WatchStart.Outcome outcome) {
        return new WatchStart(channel, job.kind(), job.id(), job.status(), job.model(), outcome);
    }

    private static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the notifier is not started");
        }
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
