package dev.mstudio.slackbot.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * What a button the bot rendered does, kept in the bot's store so that the button itself carries
 * only {@code token}: a command line is never read back from Slack. A {@code CONFIRM} action runs
 * once ({@code usedAt} set when it does); a {@code RUN} action (Refresh, Watch, Next page) may run
 * again until it expires.
 *
 * @param owner   the Slack user who asked for the message the button is on
 * @param channel where it was asked
 * @param line    the command to run, written out in full by the command language
 */
public record ButtonAction(String token, Kind kind, String owner, String channel, String line, Instant createdAt,
                           Instant expiresAt, Instant usedAt) {

    /** A one-time confirmation of a destructive command, or a command that may run again. */
    public enum Kind { CONFIRM, RUN }

    public ButtonAction {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
