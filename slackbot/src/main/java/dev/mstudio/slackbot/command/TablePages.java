package dev.mstudio.slackbot.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.mstudio.command.Result;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Tables too long for one Slack message, kept for a while so that the "More" button can show the
 * next slice. Bounded and expiring: a click after expiry gets a polite "run it again".
 */
final class TablePages {
    static final Duration KEEP = Duration.ofMinutes(30);
    private static final int MAX_TABLES = 500;

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Kept> tables;

    /** A table and who asked for it: only they page through it in place. */
    record Kept(Result.Table table, String owner) {
    }

    TablePages() {
        this(Ticker.systemTicker());
    }

    TablePages(Ticker ticker) {
        this.tables = Caffeine.newBuilder().maximumSize(MAX_TABLES).expireAfterAccess(KEEP).ticker(ticker).build();
    }

    /** Keeps {@code table}, asked for by {@code owner}, and returns the token the More button carries. */
    String keep(Result.Table table, String owner) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        tables.put(token, new Kept(table, owner));
        return token;
    }

    Optional<Kept> find(String token) {
        return Optional.ofNullable(tables.getIfPresent(token));
    }
}
