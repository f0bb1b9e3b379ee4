package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One job a channel watches: the channel's one message about it is updated as its status changes.
 *
 * @param id         internal ID of the watch
 * @param channel    the Slack channel ID
 * @param kind       the job's kind
 * @param jobId      the job
 * @param userId     who asked (may be null)
 * @param messageTs  the ts of the channel's message, once posted (null before)
 * @param lastStatus the last status the channel was told
 * @param createdAt  when watching started
 */
public record ChannelWatch(String id, String channel, JobKind kind, String jobId, String userId, String messageTs,
        String lastStatus, Instant createdAt) {

    public ChannelWatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jobId, "jobId");
    }
}
