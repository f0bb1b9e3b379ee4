package dev.mstudio.slackbot.notify;

import java.util.List;

/**
 * One Slack call planned for a channel's head entry, and the entries it settles: the head alone,
 * a POST or UPDATE with the later updates it makes redundant, or a digest of completion notices.
 *
 * @param head   the channel's first pending entry
 * @param ids    every entry settled by the call's outcome
 * @param call   what to send, or null when nothing can be sent ({@code skip} says why)
 * @param skip   why the entries are dropped without a call, or null
 */
record Attempt(OutboxEntry head, List<Long> ids, Call call, String skip) {

    Attempt {
        ids = List.copyOf(ids);
    }

    /**
     * @param update    chat.update (else chat.postMessage)
     * @param ts        for an update: the message to change
     * @param threadTs  for a post: the thread to reply in, or null
     * @param broadcast for a thread reply: show it in the channel too
     * @param digest    the call rolls several notices into one
     */
    record Call(boolean update, String channel, String ts, String threadTs, boolean broadcast, Payload payload,
            boolean digest, boolean upload) {
        Call(boolean update, String channel, String ts, String threadTs, boolean broadcast, Payload payload,
                boolean digest) {
            this(update, channel, ts, threadTs, broadcast, payload, digest, false);
        }
    }

    static Attempt send(OutboxEntry head, List<Long> ids, Call call) {
        return new Attempt(head, ids, call, null);
    }

    static Attempt drop(OutboxEntry head, List<Long> ids, String reason) {
        return new Attempt(head, ids, null, reason);
    }
}
