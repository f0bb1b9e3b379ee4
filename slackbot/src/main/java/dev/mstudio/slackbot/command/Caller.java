package dev.mstudio.slackbot.command;

import java.util.Objects;

/** Who asked, and where: the Slack channel and user IDs of a slash command or a button click. */
record Caller(String channel, String user) {

    Caller {
        channel = channel == null || channel.isBlank() ? "unknown-channel" : channel;
        Objects.requireNonNull(user, "user");
    }
}
