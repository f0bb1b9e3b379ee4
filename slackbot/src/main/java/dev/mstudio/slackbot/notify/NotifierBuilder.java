package dev.mstudio.slackbot.notify;

import dev.mstudio.concurrent.DaemonThreads;
import dev.mstudio.paging.Jobs;
import dev.mstudio.watch.WatchScheduler;
import dev.mstudio.watch.Watchers;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Configures a {@link Notifier}; every option has a default. Tests inject a fake clock with a
 * scheduler that follows it, and a direct executor, to make delivery deterministic.
 */
public final class NotifierBuilder {
    /** Threads of the default executor (event processing and Slack calls). */
    public static final int DEFAULT_THREADS = 32;

    final Watchers watchers;
    final Jobs jobs;
    final SlackSender sender;
    final BotStore store;
    Clock clock = Clock.systemUTC();
    Leadership leadership = Leadership.always();
    private WatchScheduler scheduler;
    private Executor executor;
    private DeliverySettings settings = DeliverySettings.DEFAULTS;

    NotifierBuilder(Watchers watchers, Jobs jobs, SlackSender sender, BotStore store) {
        this.watchers = Objects.requireNonNull(watchers, "watchers");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The clock pacing, retries and message times follow (default: the system clock). */
    public NotifierBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Who leads among replicas (default: always this one). Only the leader follows jobs on the
     * watchers and delivers; every replica records watches, subscriptions and messages. Call
     * {@link Notifier#leading(boolean)} whenever the answer may have changed.
     */
    public NotifierBuilder leadership(Leadership leadership) {
        this.leadership = Objects.requireNonNull(leadership, "leadership");
        return this;
    }

    /** Where delivery wakes up (default: one daemon thread, owned). Must follow {@link #clock}. */
    public NotifierBuilder scheduler(WatchScheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** Where events are processed and Slack is called (default: {@value #DEFAULT_THREADS} daemon threads, owned). */
    public NotifierBuilder executor(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** Least time between two calls to one channel (default 1 s, Slack's limit for posting). */
    public NotifierBuilder perChannelInterval(Duration interval) {
        settings = new DeliverySettings(interval, settings.digestThreshold(), settings.digestWindow(),
                settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff(), settings.retention());
        return this;
    }

    /**
     * More than {@code threshold} completion notices pending for one channel are sent as one digest
     * (default 5); each notice first waits {@code window} (default 1 s) so that a burst can gather.
     */
    public NotifierBuilder digest(int threshold, Duration window) {
        settings = new DeliverySettings(settings.perChannelInterval(), threshold, window, settings.maxAttempts(),
                settings.initialBackoff(), settings.maxBackoff(), settings.retention());
        return this;
    }

    /**
     * Transient failures retry after {@code initialBackoff}, doubling up to {@code maxBackoff}; an
     * entry is dropped after {@code maxAttempts} (defaults 10, 2 s, 5 min).
     */
    public NotifierBuilder retries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        settings = new DeliverySettings(settings.perChannelInterval(), settings.digestThreshold(),
                settings.digestWindow(), maxAttempts, initialBackoff, maxBackoff, settings.retention());
        return this;
    }

    /** How long delivered entries are kept in the outbox (default 7 days). */
    public NotifierBuilder retention(Duration retention) {
        settings = new DeliverySettings(settings.perChannelInterval(), settings.digestThreshold(),
                settings.digestWindow(), settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff(),
                retention);
        return this;
    }

    /** A notifier, not started yet: call {@link Notifier#start()}. */
    public Notifier build() {
        ScheduledExecutorService ownScheduler = scheduler == null
                ? Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mstudio-notify-delivery")) : null;
        ExecutorService ownExecutor = executor == null
                ? Executors.newFixedThreadPool(DEFAULT_THREADS, DaemonThreads.named("mstudio-notify")) : null;
        Runtime runtime = new Runtime(ownScheduler != null ? WatchScheduler.of(ownScheduler) : scheduler,
                ownExecutor != null ? ownExecutor : executor, () -> {
                    if (ownScheduler != null) {
                        ownScheduler.shutdownNow();
                    }
                    if (ownExecutor != null) {
                        ownExecutor.shutdown();
                        awaitQuietly(ownExecutor);
                    }
                });
        return new Notifier(this, runtime);
    }

    DeliverySettings settings() {
        return settings;
    }

    /** Where the notifier runs, and how to stop what it owns. */
    record Runtime(WatchScheduler scheduler, Executor executor, Runnable shutdown) {
    }

    /** Lets calls in flight finish (a few seconds at most) so their outcome is recorded. */
    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
