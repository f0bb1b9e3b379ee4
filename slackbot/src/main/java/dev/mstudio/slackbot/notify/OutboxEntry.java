package dev.mstudio.slackbot.notify;

import java.time.Instant;

/**
 * One message waiting in the outbox. Entries of a channel are sent in {@code id} order.
 *
 * @param id        order of creation
 * @param channel   the Slack channel
 * @param op        what to do
 * @param watchId   the watch whose message it concerns (POST, UPDATE, REPLY), else null
 * @param payload   what to send
 * @param attempts  failed attempts so far
 * @param notBefore not sent before this instant
 */
record OutboxEntry(long id, String channel, Op op, String watchId, Payload payload, int attempts, Instant notBefore) {

    /** The kinds of outbox entry. */
    enum Op {
        /** A watch's message, posted once; its ts is kept for updates and the thread reply. */
        POST,
        /** chat.update of a watch's message. */
        UPDATE,
        /** The thread reply under a watch's message when the job ends. */
        REPLY,
        /** A channel message for a subscription. */
        NOTICE,
        /** A subscription's reply in the channel's thread of the day (the watch ID names the thread). */
        THREADED,
        /** A fine-tune's loss chart (a PNG), uploaded into its watch's thread after the reply. */
        CHART;

        /** Completion notices are what a burst rolls into a digest. */
        boolean completion() {
            return this == REPLY || this == NOTICE || this == THREADED;
        }
    }

    /** An entry to add: the store assigns the id. */
    record New(String channel, Op op, String watchId, Payload payload, Instant notBefore) {
    }
}
