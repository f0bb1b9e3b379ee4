package dev.mstudio.slackbot.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Nothing is dropped silently: when a channel's notification is given up on, the people who set up
 * what it was for (the watch's starter, the channel's subscribers) get a direct message saying why
 * and how to fix it, at most once an hour per channel and person; the channel's problem is kept for
 * {@code subscriptions} and {@code /healthz} until a message reaches it again.
 */
final class FailureNotices {
    static final Duration QUIET = Duration.ofHours(1);
    private static final Pattern DIRECT = SlackSender.USER_ID;

    /** What went wrong in a channel, and since when. */
    record Problem(String reason, Instant since) {
    }

    private final BotStore store;
    private final Clock clock;
    private final Map<String, Problem> problems = new ConcurrentHashMap<>();
    private final Map<String, Instant> told = new ConcurrentHashMap<>();

    FailureNotices(BotStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A notification for {@code head}'s channel was dropped for {@code reason}: record it and tell its owners. */
    boolean dropped(OutboxEntry head, String reason) {
        Instant now = clock.instant();
        String channel = head.channel();
        if (DIRECT.matcher(channel).matches()) {
            return false;
        }
        problems.putIfAbsent(channel, new Problem(reason, now));
        Set<String> owners = store.tx(c -> owners(c, head));
        List<OutboxEntry.New> messages = owners.stream()
                .filter(user -> shouldTell(channel, user, now))
                .map(user -> new OutboxEntry.New(user, OutboxEntry.Op.NOTICE, null, payload(channel, reason), now))
                .toList();
        if (messages.isEmpty()) {
            return false;
        }
        store.tx(c -> {
            store.outbox().insert(c, messages, now);
            return null;
        });
        return true;
    }

    /** A message reached {@code channel}: whatever was wrong there is over. */
    void delivered(String channel) {
        problems.remove(channel);
    }

    Optional<Problem> problem(String channel) {
        return Optional.ofNullable(problems.get(channel));
    }

    int channelsWithProblems() {
        return problems.size();
    }

    private boolean shouldTell(String channel, String user, Instant now) {
        Instant last = told.get(channel + "/" + user);
        if (last != null && now.isBefore(last.plus(QUIET))) {
            return false;
        }
        told.put(channel + "/" + user, now);
        return true;
    }

    private Set<String> owners(java.sql.Connection c, OutboxEntry head) throws java.sql.SQLException {
        Set<String> owners = new LinkedHashSet<>();
        if (head.watchId() != null) {
            store.watches().byId(c, head.watchId()).map(ChannelWatch::userId).ifPresent(owners::add);
        }
        if (owners.isEmpty()) {
            store.subscriptions().inChannel(c, head.channel()).forEach(sub -> owners.add(sub.createdBy()));
        }
        owners.removeIf(user -> user == null || !DIRECT.matcher(user).matches());
        return owners;
    }

    private static Payload payload(String channel, String reason) {
        String text = ":warning: I could not post a job notification in <#" + channel + "> and gave up on it ("
                + SlackTextReason.of(reason) + "). " + fix(reason);
        return new Payload(text, null, false, null);
    }

    private static String fix(String reason) {
        if (reason.contains("not_in_channel") || reason.contains("channel_not_found")) {
            return "Invite me there with `/invite @mstudio`, or stop it with `/mstudio unsubscribe ...` in that channel.";
        }
        if (reason.contains("is_archived")) {
            return "The channel is archived: `/mstudio unsubscribe all` there, or subscribe another channel.";
        }
        return "`/mstudio subscriptions` in that channel shows what it follows.";
    }

    /** A Slack error code or failure as shown to a person: one line, short. */
    private static final class SlackTextReason {
        static String of(String reason) {
            String line = reason.replaceAll("\\s+", " ").strip();
            return line.length() <= 120 ? line : line.substring(0, 119) + "…";
        }
    }
}
