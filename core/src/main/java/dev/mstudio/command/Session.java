package dev.mstudio.command;

import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Sleeper;
import dev.mstudio.service.JobService;
import dev.mstudio.paging.Jobs;
import dev.mstudio.paging.Listing;
import dev.mstudio.watch.Watchers;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One user's state in the command language: the listing last shown (for {@code /next} and
 * {@code /prev}), the output mode, and the watches the user started. A REPL has one; the Slack bot
 * one per user or channel. Thread-safe: watch notices arrive on watcher threads while commands run.
 *
 * <pre>{@code
 * try (Session session = Session.builder(jobs, watchers).host(host).build()) {
 *     Result result = CommandLanguage.standard().run(session, "/imports --status RUNNING");
 * }
 * }</pre>
 */
public final class Session implements AutoCloseable {
    private static final Host SILENT = result -> { };

    private final Host host;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration followInterval;
    private final Function<String, DashScopeClient> regionSwitch;
    private final Watches watches;
    private final WorkflowNames names = new WorkflowNames();
    private final ListingMemory listingMemory;
    private volatile Connection connection;
    private volatile Listing listing;
    private volatile boolean jsonOutput;
    private dev.mstudio.training.FineTuneLogs trainingLogs;
    private dev.mstudio.training.Watchdog watchdog;
    private java.util.concurrent.ScheduledExecutorService watchdogTimer;
    private dev.mstudio.client.DashScopeClient trainingLogsClient;

    private Session(Builder builder) {
        this.host = builder.host;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.followInterval = builder.followInterval;
        this.regionSwitch = builder.regionSwitch;
        this.connection = new Connection(builder.jobs, builder.watchers, null);
        this.watches = new Watches();
        this.listingMemory = builder.listingMemory;
    }

    /** A session over shared {@code jobs} and {@code watchers} (neither is closed by the session). */
    public static Builder builder(Jobs jobs, Watchers watchers) {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(watchers, "watchers");
        return new Builder(() -> jobs, () -> watchers);
    }

    /**
     * A session over shared jobs and watchers that are made on first need, when a command first
     * uses the service, so that a session whose commands never do ({@code /help}) never pays for
     * them. Each supplier must give the same instance every time (neither is closed by the session).
     */
    public static Builder builder(Supplier<Jobs> jobs, Supplier<Watchers> watchers) {
        return new Builder(Objects.requireNonNull(jobs, "jobs"), Objects.requireNonNull(watchers, "watchers"));
    }

    /** True after {@code /set output json}: front ends print each result's JSON instead of rendering it. */
    public boolean jsonOutput() {
        return jsonOutput;
    }

    /** The number of watches running now: one per watched job ID, one per watched kind. */
    public int watchCount() {
        return watches.count();
    }

    /** Fine-tune logs read so far, per job, for charts (made on first need, over this session's client). */
    public synchronized dev.mstudio.training.FineTuneLogs trainingLogs() {
        if (trainingLogs == null || trainingLogsClient != jobs().client()) {
            trainingLogsClient = jobs().client();
            trainingLogs = new dev.mstudio.training.FineTuneLogs(trainingLogsClient);
        }
        return trainingLogs;
    }

    /**
     * Looks after the fine-tune jobs this session watches (queued too long, stalled, NaN or rising
     * loss): alerts become notices. Made on first need, with a checking thread of its own.
     */
    synchronized dev.mstudio.training.Watchdog watchdog() {
        if (watchdog == null) {
            watchdogTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    dev.mstudio.concurrent.DaemonThreads.named("mstudio-watchdog"));
            watchdog = new dev.mstudio.training.Watchdog(trainingLogs(),
                    dev.mstudio.watch.WatchScheduler.of(watchdogTimer), clock,
                    dev.mstudio.training.Watchdog.Thresholds.DEFAULTS,
                    alert -> host.notice(new Result.Message(Result.Level.WARNING, alert.message(), 0, null)));
        }
        return watchdog;
    }

    /** The jobs this session works on (another instance after {@code /set region}). */
    public Jobs jobs() {
        return connection.jobs().get();
    }

    /** Ends this session's watch subscriptions, and anything a region switch opened. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (watchdog != null) {
                watchdog.close();
                watchdogTimer.shutdownNow();
            }
        }
        watches.closeAll();
        connection.closeOwned();
    }

    Host host() {
        return host;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** File IDs, deployed models and checkpoints seen, for completion. */
    WorkflowNames names() {
        return names;
    }

    Duration followInterval() {
        return followInterval;
    }

    Watchers watchers() {
        return connection.watchers().get();
    }

    Watches watches() {
        return watches;
    }

    Optional<Listing> listing() {
        return Optional.ofNullable(listing);
    }

    void listing(Listing shown) {
        this.listing = shown;
    }

    Optional<ListingMemory> listingMemory() {
        return Optional.ofNullable(listingMemory);
    }

    void jsonOutput(boolean json) {
        this.jsonOutput = json;
    }

    Optional<Function<String, DashScopeClient>> regionSwitch() {
        return Optional.ofNullable(regionSwitch);
    }

    /**
     * Switches to another region's jobs. The session owns them from then on, with watchers of its
     * own over their client: it closes all three when it switches again or closes.
     */
    synchronized Jobs switchTo(String region, DashScopeClient client) {
        Connection old = connection;
        JobService service;
        try {
            service = JobService.builder(client).clock(clock).build();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        connection = new Connection(service::jobs, service::watchers, service);
        listing = null;
        old.closeOwned();
        return service.jobs();
    }

    /** The jobs and watchers in use; owned (closed by the session, client too) after a region switch. */
    private record Connection(Supplier<Jobs> jobs, Supplier<Watchers> watchers, JobService owned) {
        void closeOwned() {
            if (owned != null) {
                owned.close();
                owned.client().close();
            }
        }
    }

    /** Configures a {@link Session}; only the jobs and watchers are required. */
    public static final class Builder {
        private final Supplier<Jobs> jobs;
        private final Supplier<Watchers> watchers;
        private Host host = SILENT;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Duration followInterval = Duration.ofSeconds(2);
        private Function<String, DashScopeClient> regionSwitch;
        private ListingMemory listingMemory;

        private Builder(Supplier<Jobs> jobs, Supplier<Watchers> watchers) {
            this.jobs = jobs;
            this.watchers = watchers;
        }

        /** Where notices and progress go (default: nowhere). */
        public Builder host(Host host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The clock for ages, /wait deadlines and watch times (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How {@code /set region R} obtains a client of region R (intl, cn, us, hk); it may throw
         * {@link dev.mstudio.client.ConfigurationException}. The session owns what it returns: it
         * wires jobs and watchers over it ({@link JobService}) and closes all of it when it switches
         * again or closes. Absent: the base URL is fixed and {@code /set region} says so.
         */
        public Builder regionSwitch(Function<String, DashScopeClient> regionSwitch) {
            this.regionSwitch = Objects.requireNonNull(regionSwitch, "regionSwitch");
            return this;
        }

        /** How often {@code /finetune logs --follow} polls for new lines (default 2 s). */
        public Builder followInterval(Duration followInterval) {
            if (followInterval == null || followInterval.isNegative() || followInterval.isZero()) {
                throw new IllegalArgumentException("followInterval must be positive, got " + followInterval);
            }
            this.followInterval = followInterval;
            return this;
        }

        /** How waits between polls are spent (default: really sleeping); tests inject their own. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Where the listing shown last is kept for {@code /next} and {@code /prev} (default: in this
         * session's memory), e.g. a store shared by the bot's replicas.
         */
        public Builder listingMemory(ListingMemory listingMemory) {
            this.listingMemory = Objects.requireNonNull(listingMemory, "listingMemory");
            return this;
        }

        public Session build() {
            return new Session(this);
        }
    }
}
