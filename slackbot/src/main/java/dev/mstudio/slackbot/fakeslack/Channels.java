package dev.mstudio.slackbot.fakeslack;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The workspace's channels as the bot sees them: those it is a member of, those that exist without
 * it, and (like Slack) a user ID, which chat.postMessage takes for the bot's direct message with that
 * user. Any well-formed user ID is a user of the workspace.
 */
final class Channels {
    /** A group direct message holds at most this many people besides the bot (conversations.open). */
    static final int MAX_GROUP = 8;
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

    private final Set<String> members = ConcurrentHashMap.newKeySet();
    private final Set<String> others = ConcurrentHashMap.newKeySet();

    void join(String channel) {
        others.remove(channel);
        members.add(channel);
    }

    void add(String channel) {
        if (!members.contains(channel)) {
            others.add(channel);
        }
    }

    void leave(String channel) {
        if (members.remove(channel)) {
            others.add(channel);
        }
    }

    /** Whether {@code id} is a user's ID (not a conversation's). */
    boolean user(String id) {
        return id != null && USER_ID.matcher(id).matches();
    }

    /**
     * The ID of the bot's direct message with {@code users} (conversations.open): {@code D...} with
     * one user, a group direct message {@code G...} with several.
     */
    static String direct(java.util.List<String> users) {
        return users.size() == 1 ? "D" + users.get(0).substring(1)
                : "G" + String.join("", users.stream().sorted().map(user -> user.substring(1)).toList());
    }

    /** Whether the bot can see {@code channel} at all: a member, a public channel, or a DM. */
    boolean visible(String channel) {
        return channel != null && (members.contains(channel) || others.contains(channel)
                || USER_ID.matcher(channel).matches());
    }

    /** Why the bot may not post to {@code channel} ({@code channel_not_found}, {@code not_in_channel}), or null. */
    String refusal(String channel) {
        if (channel == null || channel.isBlank()) {
            return "channel_not_found";
        }
        if (members.contains(channel) || USER_ID.matcher(channel).matches()) {
            return null;
        }
        return others.contains(channel) ? "not_in_channel" : "channel_not_found";
    }
}
