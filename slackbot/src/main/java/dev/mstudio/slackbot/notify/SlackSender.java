package dev.mstudio.slackbot.notify;

/** The Slack calls delivery makes. Implementations never throw: every failure is a {@link SendResult}. */
interface SlackSender {
    /** A user's ID, which stands for the bot's direct message with that user. */
    java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile("[UW][A-Z0-9]{2,}");

    /** chat.postMessage; {@code threadTs} null for a channel message. */
    SendResult post(String channel, String threadTs, boolean broadcast, Payload payload);

    /** chat.update of the message {@code ts}. */
    SendResult update(String channel, String ts, Payload payload);

    /**
     * Looks for the message an earlier post of outbox entry {@code entryId} made, if its answer was
     * lost: in the channel's history since {@code since}, or in the thread {@code threadTs}, by the
     * metadata every post carries ({@link Payload#stamped}).
     */
    Lookup find(String channel, String threadTs, java.time.Instant since, long entryId);

    /**
     * Why the bot could not post in {@code channel} (conversations.info): a sentence saying how to
     * fix it, or empty when it can (or when Slack cannot tell now: delivery will report then).
     */
    java.util.Optional<String> cannotPost(String channel);

    /**
     * Uploads a file into {@code channel} (in the thread {@code threadTs}, if given) the way Slack
     * asks: files.getUploadURLExternal, the bytes to that URL, files.completeUploadExternal. A user
     * ID as {@code channel} means the bot's direct message with that user.
     */
    SendResult upload(String channel, String threadTs, String filename, String title, byte[] bytes);
}
