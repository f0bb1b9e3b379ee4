package dev.mstudio.watch;

import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.concurrent.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Holds the one shared {@link JobWatcher} per job kind for a client. Built in one chain:
 * <pre>{@code
 * Watchers watchers = Watchers.builder(client).stateStore(store).sink(index::offer).build();
 * Subscription s = watchers.of(JobKind.IMPORT).subscribe(WatchFilter.job(id), event -> ...);
 * }</pre>
 * Without a scheduler or executor it creates daemon threads of its own, shut down by {@link #close()}.
 */
public final class Watchers implements AutoCloseable {
    private final Map<JobKind, JobWatcher> watchers = new EnumMap<>(JobKind.class);
    private final Runnable shutdown;

    private Watchers(WatchConfig config, Runnable shutdown) {
        for (JobKind kind : JobKind.values()) {
            watchers.put(kind, new JobWatcher(kind, config));
        }
        this.shutdown = shutdown;
    }

    public static Builder builder(DashScopeClient client) {
        return new Builder(client);
    }

    /** The shared watcher of this kind. */
    public JobWatcher of(JobKind kind) {
        return watchers.get(Objects.requireNonNull(kind, "kind"));
    }

    /** Stops every watcher, saves their state, closes their subscriptions and any threads of its own. */
    @Override
    public void close() {
        watchers.values().forEach(JobWatcher::close);
        shutdown.run();
    }

    /** Configures {@link Watchers}; every option has a default. */
    public static final class Builder {
        private final DashScopeClient client;
        private WatchScheduler scheduler;
        private Executor executor;
        private Clock clock = Clock.systemUTC();
        private WatchStateStore stateStore = WatchStateStore.none();
        private Consumer<Job> sink = job -> { };
        private Duration base = Duration.ofSeconds(5);
        private Duration fast = Duration.ofSeconds(2);
        private Duration max = Duration.ofSeconds(30);
        private Duration maxBackoff = Duration.ofMinutes(2);

        private Builder(DashScopeClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Where poll cycles run (default: two daemon threads, owned). */
        public Builder scheduler(WatchScheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Where listeners are called (default: a cached pool of daemon threads, owned). */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The clock health times are read from. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where the last reported statuses are kept across restarts (default: nowhere). */
        public Builder stateStore(WatchStateStore stateStore) {
            this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
            return this;
        }

        /** Offered every job fetched, on the poll thread; its exceptions are counted, never propagated. */
        public Builder sink(Consumer<Job> sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Poll intervals: {@code fast} after activity, {@code base} when it goes quiet, growing up to
         * {@code max}. Defaults 2 s, 5 s, 30 s.
         */
        public Builder intervals(Duration fast, Duration base, Duration max) {
            this.fast = fast;
            this.base = base;
            this.max = max;
            return this;
        }

        /** One interval whatever happens (benchmarks, demos). */
        public Builder fixedInterval(Duration interval) {
            return intervals(interval, interval, interval);
        }

        /** The longest wait after errors or throttling (default 2 min). */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        public Watchers build() {
            Pacer.Intervals intervals = new Pacer.Intervals(base, fast, max, maxBackoff);
            ScheduledExecutorService ownScheduler = scheduler == null
                    ? Executors.newScheduledThreadPool(2, DaemonThreads.named("mstudio-watch-poll")) : null;
            ExecutorService ownExecutor = executor == null
                    ? Executors.newCachedThreadPool(DaemonThreads.named("mstudio-watch-listener")) : null;
            WatchConfig config = new WatchConfig(client,
                    ownScheduler != null ? WatchScheduler.of(ownScheduler) : scheduler,
                    ownExecutor != null ? ownExecutor : executor, clock, stateStore, sink, intervals);
            return new Watchers(config, () -> {
                if (ownScheduler != null) {
                    ownScheduler.shutdownNow();
                }
                if (ownExecutor != null) {
                    ownExecutor.shutdown();
                }
            });
        }
    }
}
