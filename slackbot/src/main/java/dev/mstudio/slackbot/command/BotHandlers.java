package dev.mstudio.slackbot.command;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.paging.Jobs;
import dev.mstudio.slackbot.metrics.BotMetrics;
import dev.mstudio.slackbot.notify.BotStore;
import dev.mstudio.slackbot.notify.ChartUploads;
import dev.mstudio.watch.Watchers;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's Slack handlers: the slash command and the buttons, wired to the core command language
 * (with the channel commands bound into it), the bot's store of button actions and a bounded worker
 * pool. Register them on a Bolt {@link App}:
 *
 * <pre>{@code
 * BotHandlers handlers = BotHandlers.builder(jobs, watchers, following, slack).store(store)
 *         .charts(new ChartUploads(slack.methods(botToken))).admins(admins).build();
 * handlers.register(app);
 * }</pre>
 */
public final class BotHandlers implements AutoCloseable {
    private final String slashCommand;
    private final Sessions sessions;
    private final Dispatcher dispatcher;
    private final SlashCommands slashCommands;
    private final Interactions interactions;

    private BotHandlers(Builder builder) {
        this.slashCommand = builder.slashCommand;
        CommandLanguage language = new ChannelCommands(builder.following).bindTo(CommandLanguage.standard());
        language.prepare();
        BotStore store = Objects.requireNonNull(builder.store, "store");
        TablePages pages = new TablePages(store, builder.clock,
                new TableCodec(line -> Optional.ofNullable(language.parse(line).command())));
        Buttons buttons = new Buttons(store, builder.clock);
        BlockFormatter formatter = new BlockFormatter(pages, buttons);
        this.sessions = new Sessions(builder.jobs, builder.watchers, store, builder.clock, builder.ticker);
        this.dispatcher = new Dispatcher(builder.threads, builder.queue, builder.commandTimeout,
                new ReplySender(builder.slack));
        CommandRunner runner = new CommandRunner(language, sessions, builder.admins, formatter,
                new SlackWording(slashCommand), pages, buttons, builder.clock, builder.metrics,
                Objects.requireNonNull(builder.charts, "charts"));
        this.slashCommands = new SlashCommands(runner, formatter, dispatcher, builder.metrics);
        this.interactions = new Interactions(runner, formatter, dispatcher);
    }

    /**
     * @param following where watch/subscribe go (the notifier)
     * @param slack     posts replies to response_url
     */
    public static Builder builder(Jobs jobs, Watchers watchers, ChannelFollowing following, Slack slack) {
        return new Builder(jobs, watchers, following, slack);
    }

    /** Adds the slash command and the button handlers to {@code app}. */
    public void register(App app) {
        app.command(slashCommand, slashCommands);
        interactions.register(app);
    }

    /** Commands queued or running now. */
    public int pending() {
        return dispatcher.pending();
    }

    /** Users' sessions kept for next/prev. */
    public long sessions() {
        return sessions.size();
    }

    /** Stops the workers (running commands are interrupted) and closes the sessions. */
    @Override
    public void close() {
        dispatcher.close();
        sessions.close();
    }

    /** Configures {@link BotHandlers}; defaults: no admins, /mstudio, 30 s per command, 16 workers, 256 queued. */
    public static final class Builder {
        private final Jobs jobs;
        private final Watchers watchers;
        private final ChannelFollowing following;
        private final Slack slack;
        private Admins admins = Admins.parse("");
        private String slashCommand = "/mstudio";
        private Duration commandTimeout = Duration.ofSeconds(30);
        private int threads = 16;
        private int queue = 256;
        private Clock clock = Clock.systemUTC();
        private Ticker ticker = Ticker.systemTicker();
        private BotStore store;
        private ChartUploads charts;
        private BotMetrics metrics = new BotMetrics();

        private Builder(Jobs jobs, Watchers watchers, ChannelFollowing following, Slack slack) {
            this.jobs = Objects.requireNonNull(jobs, "jobs");
            this.watchers = Objects.requireNonNull(watchers, "watchers");
            this.following = Objects.requireNonNull(following, "following");
            this.slack = Objects.requireNonNull(slack, "slack");
        }

        public Builder admins(Admins admins) {
            this.admins = Objects.requireNonNull(admins, "admins");
            return this;
        }

        /** The slash command, e.g. "/mstudio". */
        public Builder slashCommand(String slashCommand) {
            this.slashCommand = slashCommand.startsWith("/") ? slashCommand : "/" + slashCommand;
            return this;
        }

        /** How long a command may run before the user is told it timed out. */
        public Builder commandTimeout(Duration commandTimeout) {
            if (commandTimeout.isNegative() || commandTimeout.isZero()) {
                throw new IllegalArgumentException("commandTimeout must be positive");
            }
            this.commandTimeout = commandTimeout;
            return this;
        }

        /** Commands run at once ({@code threads}) and waiting ({@code queue}); beyond, users hear "busy". */
        public Builder workers(int threads, int queue) {
            if (threads < 1 || queue < 1) {
                throw new IllegalArgumentException("threads and queue must be at least 1");
            }
            this.threads = threads;
            this.queue = queue;
            return this;
        }

        /** Where commands and acknowledgements are counted (default: metrics of its own). */
        public Builder metrics(BotMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Where pending confirmations and the actions behind buttons are kept (required). */
        public Builder store(BotStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Where the loss charts of {@code finetune metrics} are uploaded from (required: the bot token's client). */
        public Builder charts(ChartUploads charts) {
            this.charts = Objects.requireNonNull(charts, "charts");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Time source of the sessions cache (tests inject a fake one). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        public BotHandlers build() {
            return new BotHandlers(this);
        }
    }
}
