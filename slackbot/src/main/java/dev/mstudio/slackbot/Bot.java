package dev.mstudio.slackbot;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.paging.Jobs;
import dev.mstudio.service.JobService;
import dev.mstudio.slackbot.command.BotHandlers;
import dev.mstudio.slackbot.notify.BotStore;
import dev.mstudio.slackbot.notify.ChartUploads;
import dev.mstudio.slackbot.notify.LeaderLease;
import dev.mstudio.slackbot.notify.Leadership;
import dev.mstudio.slackbot.notify.Notifier;
import dev.mstudio.slackbot.notify.SlackWebApi;
import dev.mstudio.slackbot.metrics.BotMetrics;
import dev.mstudio.slackbot.notify.NotifyHealth;
import dev.mstudio.watch.Watchers;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The running Slack bot: Bolt app, slash command and buttons, notifier, store, and the HTTP server
 * (or a Socket Mode connection when an app token is configured). Closing it stops all of them; the
 * DashScope client stays open (its owner closes it).
 *
 * <pre>{@code
 * try (Bot bot = Bot.builder(BotConfig.fromEnvironment(env), client).build().start()) {
 *     bot.eventsUrl(); // http://127.0.0.1:3000/slack/events
 * }
 * }</pre>
 */
public final class Bot implements AutoCloseable {
    private final BotConfig config;
    private final DashScopeClient client;
    private final Clock clock;
    private final BotStore givenStore;
    private final String replicaId;
    private final BotMetrics metrics;
    private final Duration pollInterval;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private BotHandlers handlers;
    private Notifier notifier;
    private BotHttpServer server;
    private volatile LeaderLease lease;
    private Leadership leadership = Leadership.always();

    private Bot(Builder builder) {
        this.config = builder.config;
        this.client = builder.client;
        this.clock = builder.clock;
        this.givenStore = builder.store;
        this.replicaId = builder.replicaId;
        this.metrics = builder.metrics;
        this.pollInterval = builder.pollInterval;
    }

    public static Builder builder(BotConfig config, DashScopeClient client) {
        return new Builder(config, client);
    }

    /**
     * Connects to Slack (auth.test checks the bot token), then serves HTTP or opens Socket Mode.
     *
     * @throws Exception when the token is refused, the port is taken, or the store cannot open;
     *                   everything opened so far is closed again
     */
    public synchronized Bot start() throws Exception {
        try {
            Slack slack = slack();
            BotStore store = givenStore != null ? givenStore : closing(BotStore.open(config.dbUrl()));
            JobService service = closing(JobService.builder(client).clock(clock).watchers(settings -> {
                settings.stateStore(store);
                if (pollInterval != null) {
                    settings.fixedInterval(pollInterval);
                }
            }).build());
            Jobs jobs = service.jobs();
            Watchers watchers = service.watchers();
            if (store.shared()) {
                leadership = () -> lease != null && lease.isLeader();
                store.saveOnlyWhile(leadership);
            }
            MethodsClient methods = slack.methods(config.botToken());
            notifier = closing(Notifier.builder(watchers, jobs, methods, store)
                    .leadership(leadership).clock(clock).build().start());
            if (store.shared()) {
                lease = closing(LeaderLease.start(store, replicaId, clock, notifier::leading));
            }
            BotGauges.register(metrics, notifier, watchers, () -> leadership.isLeader());
            handlers = closing(BotHandlers.builder(jobs, watchers, new NotifierFollowing(notifier), slack)
                    .metrics(metrics).store(store).charts(new ChartUploads(methods)).admins(config.admins())
                    .slashCommand(config.slashCommand())
                    .commandTimeout(config.commandTimeout()).clock(clock).build());
            App app = app(slack);
            handlers.register(app);
            serve(app);
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** The port the HTTP server listens on (slash commands and /healthz; /healthz only in Socket Mode). */
    public int port() {
        return server.port();
    }

    /** Where Slack sends slash commands and button clicks (HTTP mode). */
    public URI eventsUrl() {
        return URI.create(localBase() + BotHttpServer.EVENTS_PATH);
    }

    public URI healthUrl() {
        return URI.create(localBase() + BotHttpServer.HEALTH_PATH);
    }

    /** What /healthz answers. */
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        NotifyHealth notify = notifier.health();
        health.put("status", notify.degraded() ? "degraded" : "ok");
        health.put("mode", config.socketMode() ? "socket" : "http");
        health.put("slash_command", config.slashCommand());
        health.put("pending_commands", handlers.pending());
        health.put("sessions", handlers.sessions());
        Map<String, Object> replica = new LinkedHashMap<>();
        replica.put("id", replicaId);
        replica.put("leader", leadership.isLeader());
        replica.put("replicated", lease != null);
        health.put("replica", replica);
        Map<String, Object> notifications = new LinkedHashMap<>();
        notifications.put("pending", notify.pending());
        notifications.put("delivered", notify.delivered());
        notifications.put("dropped", notify.dropped());
        notifications.put("throttled", notify.throttled());
        notifications.put("watched_jobs", notify.watchedJobs());
        notifications.put("last_error", notify.lastError());
        notifications.put("failing_channels", notify.failingChannels());
        notifications.put("reconciled", notify.reconciled());
        health.put("notifications", notifications);
        return health;
    }

    @Override
    public synchronized void close() {
        metrics.forgetReadings();
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Slack slack() {
        Slack slack = SlackWebApi.connect(config.apiUrl(), metrics.slackInterceptor());
        opened.push(slack);
        return slack;
    }

    /** The Bolt app; auth.test runs once at start and is then cached for good, so no ack ever waits for it. */
    private App app(Slack slack) {
        AppConfig.AppConfigBuilder appConfig = AppConfig.builder().slack(slack).singleTeamBotToken(config.botToken())
                .authTestCacheExpirationMillis(-1);
        if (config.signingSecret() != null) {
            appConfig.signingSecret(config.signingSecret());
        } else {
            appConfig.requestVerificationEnabled(false);
        }
        App app = new App(appConfig.build());
        opened.push(app::stop);
        return app;
    }

    private void serve(App app) throws Exception {
        if (config.socketMode()) {
            SocketModeApp socket = new SocketModeApp(config.appToken(), app);
            socket.startAsync();
            // SocketModeApp.close() only disconnects; the client's own close stops its processor threads
            var client = socket.getClient();
            opened.push(() -> {
                socket.close();
                if (client != null) {
                    client.close();
                }
            });
            server = closing(BotHttpServer.start(null, this::health, metrics, config.bindHost(), config.port()));
        } else {
            app.start();
            server = closing(BotHttpServer.start(app, this::health, metrics, config.bindHost(), config.port()));
        }
    }

    private String localBase() {
        String host = config.bindHost().equals("0.0.0.0") || config.bindHost().equals("::") ? "127.0.0.1"
                : config.bindHost();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        opened.push(resource);
        return resource;
    }

    /** Configures a {@link Bot}. */
    public static final class Builder {
        private final BotConfig config;
        private final DashScopeClient client;
        private Clock clock = Clock.systemUTC();
        private BotStore store;
        private String replicaId = defaultReplicaId();
        private BotMetrics metrics = new BotMetrics();
        private Duration pollInterval;

        private Builder(BotConfig config, DashScopeClient client) {
            this.config = Objects.requireNonNull(config, "config");
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Where the bot counts what it does, served at /metrics (default: its own). */
        public Builder metrics(BotMetrics metrics) {
            this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A store to use instead of opening {@link BotConfig#dbUrl()}; the caller closes it. */
        public Builder store(BotStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Polls DashScope for the jobs it follows at this one interval, whatever happens (tests, demos);
         * by default 2 s after a change, 5 s when quiet, growing to 30 s.
         */
        public Builder pollInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive, got " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /** How this replica names itself in the leader lease and /healthz (default: host name and process ID). */
        public Builder replicaId(String replicaId) {
            this.replicaId = Objects.requireNonNull(replicaId, "replicaId");
            return this;
        }

        public Bot build() {
            return new Bot(this);
        }

        private static String defaultReplicaId() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "localhost";
            }
            return host + "-" + ProcessHandle.current().pid();
        }
    }
}
