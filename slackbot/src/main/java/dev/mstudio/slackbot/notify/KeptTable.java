package dev.mstudio.slackbot.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A table too long for one Slack message, kept in the bot's store so that its "More" button works
 * on any replica: the button carries only {@code token}.
 *
 * @param owner   the Slack user who asked for it (only they page through it in place)
 * @param channel where it was asked
 * @param body    the table, as the bot wrote it (JSON)
 */
public record KeptTable(String token, String owner, String channel, String body, Instant createdAt,
                        Instant expiresAt) {
    public KeptTable {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
