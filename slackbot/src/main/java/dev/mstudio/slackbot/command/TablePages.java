package dev.mstudio.slackbot.command;

import dev.mstudio.command.Result;
import dev.mstudio.slackbot.notify.BotStore;
import dev.mstudio.slackbot.notify.KeptTable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Tables too long for one Slack message, kept in the bot's store for {@link #KEEP} so that the
 * "More" button shows the next slice on whichever replica the click reaches. A click after expiry
 * gets a polite "run it again".
 */
final class TablePages {
    static final Duration KEEP = Duration.ofMinutes(30);

    private final SecureRandom random = new SecureRandom();
    private final BotStore store;
    private final Clock clock;
    private final TableCodec codec;

    /** A table and who asked for it: only they page through it in place. */
    record Kept(Result.Table table, String owner) {
    }

    TablePages(BotStore store, Clock clock, TableCodec codec) {
        this.store = store;
        this.clock = clock;
        this.codec = codec;
    }

    /** Keeps {@code table}, asked for by {@code owner}, and returns the token the More button carries. */
    String keep(Result.Table table, Caller owner) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        store.keepTable(new KeptTable(token, owner.user(), owner.channel(), codec.write(table), now, now.plus(KEEP)));
        return token;
    }

    Optional<Kept> find(String token) {
        if (token == null || token.isEmpty() || token.length() > Buttons.MAX_TOKEN) {
            return Optional.empty();
        }
        return store.keptTable(token, clock.instant()).map(kept -> new Kept(codec.read(kept.body()), kept.owner()));
    }
}
