package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A channel's thread of the day: one message per channel and UTC day, under which subscriptions
 * reply with the outcomes they keep out of the channel ({@code --broadcast}). It is stored as an
 * inactive {@code notify_watch} row (the row holds the message's ts for the replies) whose job ID
 * is {@code day:YYYY-MM-DD}; its ID is derived from channel and day, so it can only exist once.
 */
final class DayThreads {
    /** Day rows are kept this long after they were made, so a day's replies all find their thread. */
    static final java.time.Duration KEPT = java.time.Duration.ofDays(2);
    static final String JOB_PREFIX = "day:";

    private DayThreads() {
    }

    static String jobId(LocalDate day) {
        return JOB_PREFIX + day;
    }

    static ChannelWatch create(String channel, JobKind kind, LocalDate day, Instant now) {
        String id = "day-" + UUID.nameUUIDFromBytes((channel + "/" + day).getBytes(StandardCharsets.UTF_8));
        return new ChannelWatch(id, channel, kind, jobId(day), null, null, null, now);
    }
}
