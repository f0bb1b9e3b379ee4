package dev.mstudio.slackbot.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.mstudio.command.Session;
import dev.mstudio.paging.Jobs;
import dev.mstudio.slackbot.notify.BotStore;
import dev.mstudio.watch.Watchers;
import java.time.Clock;
import java.time.Duration;

/**
 * One command-language session per (channel, user). The listing {@code next} and {@code prev} page
 * through is kept in the bot's store ({@link StoredListings}), so they work whichever replica
 * answers; the sessions themselves are bounded and expiring, and an evicted one is closed.
 */
final class Sessions implements AutoCloseable {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final long MAX_SESSIONS = 2_000;

    private final Jobs jobs;
    private final Watchers watchers;
    private final Clock clock;
    private final BotStore store;
    private final Cache<String, Session> sessions;

    Sessions(Jobs jobs, Watchers watchers, BotStore store, Clock clock, Ticker ticker) {
        this.jobs = jobs;
        this.store = store;
        this.watchers = watchers;
        this.clock = clock;
        this.sessions = Caffeine.newBuilder().maximumSize(MAX_SESSIONS).expireAfterAccess(IDLE).ticker(ticker)
                .executor(Runnable::run)
                .removalListener((String key, Session session, RemovalCause cause) -> {
                    if (session != null) {
                        session.close();
                    }
                })
                .build();
    }

    Session of(String channel, String user) {
        return sessions.get(channel + ":" + user,
                key -> Session.builder(jobs, watchers).clock(clock)
                        .listingMemory(new StoredListings(store, new Caller(channel, user), clock)).build());
    }

    long size() {
        sessions.cleanUp();
        return sessions.estimatedSize();
    }

    @Override
    public void close() {
        sessions.invalidateAll();
        sessions.cleanUp();
    }
}
