package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import dev.mstudio.watch.WatchStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bot's persistent state over plain JDBC: channel subscriptions, watches, the notification
 * outbox, and the shared watchers' last statuses (it is the {@link WatchStateStore} to give
 * {@code Watchers.builder(client).stateStore(store)}, so that watching resumes after a restart
 * without losing or repeating a transition). SQLite (the default, one process) or PostgreSQL (any
 * number of replicas); the schema is brought up to date by versioned migrations when it opens.
 * Thread-safe.
 *
 * <pre>{@code
 * BotStore store = BotStore.open(BotStore.jdbcUrl(System.getenv()));
 * }</pre>
 *
 * <p>Failures throw {@link IllegalStateException}; messages never show the JDBC URL's credentials.
 */
public final class BotStore implements WatchStateStore, AutoCloseable {
    /** Environment variable holding the JDBC URL. */
    public static final String ENV_DB = "MSTUDIO_DB";
    /** Used when {@value #ENV_DB} is not set. */
    public static final String DEFAULT_URL = "jdbc:sqlite:~/.mstudio/bot.db";
    /** How long a listing shown and not paged through is remembered for next/prev. */
    public static final Duration LISTING_TTL = Duration.ofMinutes(30);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final Db db;
    private final StateTable state = new StateTable();
    private final SubscriptionTable subscriptions = new SubscriptionTable();
    private final WatchTable watches = new WatchTable();
    private final OutboxTable outbox = new OutboxTable();
    private final ButtonTable buttons = new ButtonTable();
    private final PagingTables paging = new PagingTables();
    private final AtomicLong lastPurge = new AtomicLong();

    private final Clock clock;
    private volatile Leadership saving = Leadership.always();

    private BotStore(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Opens the database at {@code jdbcUrl} and migrates its schema to the latest version. For
     * SQLite a leading {@code ~} is the user's home and missing parent directories are created;
     * {@code jdbc:sqlite::memory:} gives a private in-memory database.
     *
     * @throws IllegalStateException with a one-line message naming the cause and the fix
     */
    public static BotStore open(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String url = StoreUrls.expand(jdbcUrl.trim(), Path.of(System.getProperty("user.home")));
        return new BotStore(StoreOpener.open(url), Clock.systemUTC());
    }

    /** The JDBC URL configured in {@code env} ({@value #ENV_DB}), or {@link #DEFAULT_URL}. */
    public static String jdbcUrl(Map<String, String> env) {
        String configured = env.get(ENV_DB);
        return configured == null || configured.isBlank() ? DEFAULT_URL : configured.trim();
    }

    /**
     * True when several processes may share this store (PostgreSQL): they then elect a leader with a
     * {@link LeaderLease}. False for SQLite, which one process holds.
     */
    public boolean shared() {
        return db.vendor() == Db.Vendor.POSTGRESQL;
    }

    /** Records what the watchers saw only while {@code leadership} says this replica leads. */
    public void saveOnlyWhile(Leadership leadership) {
        this.saving = Objects.requireNonNull(leadership, "leadership");
    }

    @Override
    public Map<String, String> load(JobKind kind) {
        Objects.requireNonNull(kind, "kind");
        return db.tx(c -> state.load(c, kind));
    }

    @Override
    public void save(JobKind kind, Map<String, String> lastStatusById) {
        Objects.requireNonNull(kind, "kind");
        if (!saving.isLeader()) {
            return;
        }
        Map<String, String> copy = Map.copyOf(lastStatusById);
        db.tx(c -> {
            state.save(c, kind, copy, clock.millis());
            return null;
        });
    }

    /** Keeps what a button does, under its token; forgets actions that expired a day ago. */
    public void putButton(ButtonAction action) {
        Objects.requireNonNull(action, "action");
        db.tx(c -> {
            buttons.purge(c, action.createdAt().minus(Duration.ofDays(1)));
            buttons.insert(c, action);
            return null;
        });
    }

    /** What the button carrying {@code token} does, if the bot made it and has not forgotten it. */
    public Optional<ButtonAction> button(String token) {
        Objects.requireNonNull(token, "token");
        return db.tx(c -> buttons.find(c, token));
    }

    /**
     * Marks the confirmation {@code token} used at {@code now}: true for exactly one caller, false
     * when it is unknown, expired or already used.
     */
    public boolean claimButton(String token, Instant now) {
        Objects.requireNonNull(token, "token");
        return db.tx(c -> buttons.claim(c, token, now));
    }

    /**
     * Remembers the listing {@code user} was shown last in {@code channel} ({@code line}, the listing
     * command with its page), for next/prev on any replica. Listings idle for {@link #LISTING_TTL} are
     * forgotten, and expired tables deleted, at most once a minute.
     */
    public void rememberListing(String channel, String user, String line, Instant at) {
        Objects.requireNonNull(line, "line");
        db.tx(c -> {
            paging.rememberListing(c, Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(user, "user"),
                    line, at);
            return null;
        });
        purgeEveryMinute(at);
    }

    /** The listing line {@code user} was shown last in {@code channel}, unless idle for {@link #LISTING_TTL} by {@code now}. */
    public Optional<String> lastListing(String channel, String user, Instant now) {
        return db.tx(c -> paging.lastListing(c, Objects.requireNonNull(channel, "channel"),
                Objects.requireNonNull(user, "user"), now.minus(LISTING_TTL)));
    }

    /** Keeps a long table for its More button until {@link KeptTable#expiresAt()}. */
    public void keepTable(KeptTable table) {
        Objects.requireNonNull(table, "table");
        db.tx(c -> {
            paging.keep(c, table);
            return null;
        });
        purgeEveryMinute(table.createdAt());
    }

    /** The table kept under {@code token}, unless it expired by {@code now}. */
    public Optional<KeptTable> keptTable(String token, Instant now) {
        Objects.requireNonNull(token, "token");
        return db.tx(c -> paging.kept(c, token, now));
    }

    @Override
    public void close() {
        db.close();
    }

    private void purgeEveryMinute(Instant now) {
        long last = lastPurge.get();
        if (now.toEpochMilli() - last >= PURGE_EVERY.toMillis() && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            db.tx(c -> paging.purge(c, now.minus(LISTING_TTL), now));
        }
    }

    <T> T tx(Db.Work<T> work) {
        return db.tx(work);
    }

    StateTable state() {
        return state;
    }

    SubscriptionTable subscriptions() {
        return subscriptions;
    }

    WatchTable watches() {
        return watches;
    }

    OutboxTable outbox() {
        return outbox;
    }
}
