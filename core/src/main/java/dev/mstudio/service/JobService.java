package dev.mstudio.service;

import dev.mstudio.client.DashScopeClient;
import dev.mstudio.paging.Jobs;
import dev.mstudio.watch.Watchers;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one composition root of core: a client, the {@link Jobs} (cached pages and the job index)
 * over it, and the shared {@link Watchers} over the same client, feeding what they see into the
 * index so that completion knows every job watched. The REPL, the bot and the test fixtures all
 * wire core through here, so that the parts are joined the same way everywhere.
 *
 * <pre>{@code
 * try (JobService service = JobService.builder(client).clock(clock).build()) {
 *     Session session = Session.builder(service.jobs(), service.watchers()).build();
 * }
 * }</pre>
 */
public final class JobService implements AutoCloseable {
    private final DashScopeClient client;
    private final Jobs jobs;
    private final Watchers.Builder watchersBuilder;
    /** Built on first use: a session that never watches (a one-shot command) never makes their threads. */
    private Watchers watchers;
    private boolean closed;

    private JobService(Builder builder) {
        this.client = builder.client;
        Jobs.Builder jobsBuilder = Jobs.builder(client).clock(builder.clock);
        builder.jobsSettings.accept(jobsBuilder);
        this.jobs = jobsBuilder.build();
        Watchers.Builder watchersBuilder = Watchers.builder(client).clock(builder.clock);
        try {
            builder.watchSettings.accept(watchersBuilder);
        } catch (RuntimeException e) {
            jobs.close();
            throw e;
        }
        this.watchersBuilder = watchersBuilder.sink(jobs.index()::record);
    }

    public static Builder builder(DashScopeClient client) {
        return new Builder(client);
    }

    public DashScopeClient client() {
        return client;
    }

    public Jobs jobs() {
        return jobs;
    }

    /** The shared watchers, made on first use; after {@link #close()} an IllegalStateException. */
    public synchronized Watchers watchers() {
        if (watchers == null) {
            if (closed) {
                throw new IllegalStateException("this JobService is closed");
            }
            watchers = watchersBuilder.build();
        }
        return watchers;
    }

    /** Stops the watchers (if any were made), then the jobs' caches; the client is the caller's. */
    @Override
    public void close() {
        Watchers made;
        synchronized (this) {
            closed = true;
            made = watchers;
        }
        try {
            if (made != null) {
                made.close();
            }
        } finally {
            jobs.close();
        }
    }

    /** Configures a {@link JobService}: one clock for both parts, and each part's own settings. */
    public static final class Builder {
        private final DashScopeClient client;
        private Clock clock = Clock.systemUTC();
        private Consumer<Jobs.Builder> jobsSettings = builder -> { };
        private Consumer<Watchers.Builder> watchSettings = builder -> { };

        private Builder(DashScopeClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Settings of the jobs' caches (ticker, executor, TTLs); the client and clock are set here. */
        public Builder jobs(Consumer<Jobs.Builder> settings) {
            this.jobsSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Settings of the watchers (state store, intervals, scheduler); the sink is always the job index. */
        public Builder watchers(Consumer<Watchers.Builder> settings) {
            this.watchSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public JobService build() {
            return new JobService(this);
        }
    }
}
