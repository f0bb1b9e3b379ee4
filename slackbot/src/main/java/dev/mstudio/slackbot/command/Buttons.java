package dev.mstudio.slackbot.command;

import dev.mstudio.command.Command;
import dev.mstudio.slackbot.notify.BotStore;
import dev.mstudio.slackbot.notify.ButtonAction;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The actions behind the bot's buttons, kept in the bot's store: a button carries only an opaque,
 * unguessable token, never a command line, so nothing a click sends back decides what runs or who
 * may run it. Confirmations expire after {@link #CONFIRM_TTL} and run once; other buttons (Refresh,
 * Watch, Next page) after {@link #RUN_TTL}.
 */
final class Buttons {
    static final Duration CONFIRM_TTL = Duration.ofMinutes(10);
    static final Duration RUN_TTL = Duration.ofDays(1);
    /** The longest token the store issues; anything longer a click sends is not ours. */
    static final int MAX_TOKEN = 64;

    private final BotStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Buttons(BotStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A pending confirmation of {@code command} for {@code owner}; the token for its Yes and No buttons. */
    String confirm(Caller owner, Command command) {
        return keep(ButtonAction.Kind.CONFIRM, owner, command, CONFIRM_TTL);
    }

    /** A button that runs {@code command} (as whoever clicks it, under their own rights). */
    String run(Caller owner, Command command) {
        return keep(ButtonAction.Kind.RUN, owner, command, RUN_TTL);
    }

    Optional<ButtonAction> find(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        return store.button(token);
    }

    /** True for exactly one caller: the confirmation was pending and is now used. */
    boolean claim(String token) {
        return store.claimButton(token, clock.instant());
    }

    Instant now() {
        return clock.instant();
    }

    private String keep(ButtonAction.Kind kind, Caller owner, Command command, Duration ttl) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        store.putButton(new ButtonAction(token, kind, owner.user(), owner.channel(), command.canonical(), now,
                now.plus(ttl), null));
        return token;
    }
}
