package dev.mstudio.slackbot.notify;

/** The two Slack calls delivery makes. Implementations never throw: every failure is a {@link SendResult}. */
interface SlackSender {

    /** chat.postMessage; {@code threadTs} null for a channel message. */
    SendResult post(String channel, String threadTs, boolean broadcast, Payload payload);

    /** chat.update of the message {@code ts}. */
    SendResult update(String channel, String ts, Payload payload);
}
