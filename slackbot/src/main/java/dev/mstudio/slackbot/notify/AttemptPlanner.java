package dev.mstudio.slackbot.notify;

import dev.mstudio.slackbot.notify.Attempt.Call;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a channel's head entry into one Slack call, inside the delivery transaction: a watch's post
 * or update carries the newest pending status (older updates are settled with it), updates and
 * thread replies find the message ts, and a burst of completion notices becomes digests (as many
 * notices in each as one message can hold).
 */
final class AttemptPlanner {
    private final BotStore store;
    private final Messages messages;
    private final int digestThreshold;

    AttemptPlanner(BotStore store, Messages messages, int digestThreshold) {
        this.store = store;
        this.messages = messages;
        this.digestThreshold = digestThreshold;
    }

    /** The attempt for {@code head}, or null when it is no longer pending. */
    Attempt plan(Connection c, OutboxEntry head) throws SQLException {
        if (!store.outbox().isPending(c, head.id())) {
            return null;
        }
        return switch (head.op()) {
            case POST -> post(c, head);
            case UPDATE -> update(c, head);
            case REPLY, NOTICE, THREADED -> completion(c, head);
            case CHART -> Attempt.send(head, List.of(head.id()), new Call(false, head.channel(), null,
                    messageTs(c, head), false, head.payload(), false, true));
        };
    }

    private Attempt post(Connection c, OutboxEntry head) throws SQLException {
        List<OutboxEntry> updates = store.outbox().pendingUpdates(c, head.watchId());
        List<Long> ids = new ArrayList<>(List.of(head.id()));
        updates.forEach(u -> ids.add(u.id()));
        Payload payload = updates.isEmpty() ? head.payload() : updates.get(updates.size() - 1).payload();
        return Attempt.send(head, ids, new Call(false, head.channel(), null, null, false, payload, false));
    }

    private Attempt update(Connection c, OutboxEntry head) throws SQLException {
        List<OutboxEntry> updates = store.outbox().pendingUpdates(c, head.watchId());
        List<Long> ids = updates.stream().map(OutboxEntry::id).toList();
        String ts = messageTs(c, head);
        if (ts == null) {
            return Attempt.drop(head, ids, "no message to update (its post was not delivered)");
        }
        Payload payload = updates.get(updates.size() - 1).payload();
        return Attempt.send(head, ids, new Call(true, head.channel(), ts, null, false, payload, false));
    }

    private Attempt completion(Connection c, OutboxEntry head) throws SQLException {
        // only the run of completion notices at the head that go to the same place (the channel, or
        // the day's thread): a digest never overtakes a job's own post or final update queued before
        List<OutboxEntry> notices = store.outbox().pendingIn(c, head.channel()).stream()
                .takeWhile(e -> e.op().completion() && samePlace(e, head)).toList();
        boolean threaded = head.op() == OutboxEntry.Op.THREADED;
        if (notices.size() > digestThreshold) {
            Digest digest = messages.digest(notices.stream().map(OutboxEntry::payload).toList());
            List<Long> ids = notices.stream().limit(digest.count()).map(OutboxEntry::id).toList();
            return Attempt.send(head, ids, new Call(false, head.channel(), null, threaded ? messageTs(c, head) : null,
                    false, digest.payload(), true));
        }
        // a day's thread whose message could not be posted leaves its replies to the channel itself
        String replyTo = head.op() == OutboxEntry.Op.NOTICE ? null : messageTs(c, head);
        Payload payload = head.payload();
        return Attempt.send(head, List.of(head.id()),
                new Call(false, head.channel(), null, replyTo, replyTo != null && !threaded && payload.broadcast(),
                        payload, false));
    }

    /** Watch replies and channel notices share the channel's digest; day-thread replies their thread's. */
    private static boolean samePlace(OutboxEntry entry, OutboxEntry head) {
        boolean threaded = head.op() == OutboxEntry.Op.THREADED;
        return (entry.op() == OutboxEntry.Op.THREADED) == threaded
                && (!threaded || head.watchId().equals(entry.watchId()));
    }

    private String messageTs(Connection c, OutboxEntry head) throws SQLException {
        return head.watchId() == null ? null
                : store.watches().byId(c, head.watchId()).map(ChannelWatch::messageTs).orElse(null);
    }
}
