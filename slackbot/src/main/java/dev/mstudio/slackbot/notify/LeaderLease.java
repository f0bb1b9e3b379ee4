package dev.mstudio.slackbot.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election among replicas sharing one PostgreSQL store: a lease row with an owner and an
 * expiry, taken when free or expired and renewed every {@link #RENEW_EVERY}. If the leader dies,
 * its lease runs out after {@link #TTL} and a follower takes over at its next renewal (within
 * TTL + RENEW_EVERY). A replica stops acting as leader {@link #MARGIN} before its own lease could
 * expire, so two replicas never lead at once while their clocks agree to within that margin.
 *
 * <pre>{@code
 * LeaderLease lease = LeaderLease.start(store, "bot-1", Clock.systemUTC(), notifier::leading);
 * }</pre>
 */
public final class LeaderLease implements Leadership, AutoCloseable {
    public static final Duration TTL = Duration.ofSeconds(10);
    public static final Duration RENEW_EVERY = Duration.ofSeconds(3);
    public static final Duration MARGIN = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(LeaderLease.class);

    private final BotStore store;
    private final String replicaId;
    private final Clock clock;
    private final Consumer<Boolean> onTick;
    private final LeaseTable table = new LeaseTable();
    private ScheduledExecutorService timer;
    private volatile Instant leadsUntil = Instant.MIN;

    LeaderLease(BotStore store, String replicaId, Clock clock, Consumer<Boolean> onTick) {
        this.store = Objects.requireNonNull(store, "store");
        this.replicaId = Objects.requireNonNull(replicaId, "replicaId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onTick = Objects.requireNonNull(onTick, "onTick");
    }

    /** Tries at once, then every {@link #RENEW_EVERY} on a daemon thread; {@code onTick} hears whether we lead. */
    public static LeaderLease start(BotStore store, String replicaId, Clock clock, Consumer<Boolean> onTick) {
        LeaderLease lease = new LeaderLease(store, replicaId, clock, onTick);
        lease.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mstudio-leader-lease");
            thread.setDaemon(true);
            return thread;
        });
        lease.timer.scheduleWithFixedDelay(lease::tick, 0, RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return lease;
    }

    /** Takes or renews the lease once and tells {@code onTick}; returns whether this replica leads. */
    boolean tick() {
        Instant now = clock.instant();
        try {
            boolean held = store.tx(c -> table.acquire(c, replicaId, now.toEpochMilli(),
                    now.plus(TTL).toEpochMilli()));
            leadsUntil = held ? now.plus(TTL).minus(MARGIN) : Instant.MIN;
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the leader lease: {}", e.getMessage());
        }
        boolean leads = isLeader();
        try {
            onTick.accept(leads);
        } catch (RuntimeException e) {
            LOG.warn("Could not act on leadership ({}): {}", leads ? "leading" : "following", e.getMessage());
        }
        return leads;
    }

    @Override
    public boolean isLeader() {
        return clock.instant().isBefore(leadsUntil);
    }

    public String replicaId() {
        return replicaId;
    }

    /** Stops renewing and gives the lease up, so that a follower takes over at its next renewal. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        leadsUntil = Instant.MIN;
        try {
            store.tx(c -> {
                table.release(c, replicaId);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not release the leader lease: {}", e.getMessage());
        }
    }
}
