package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import java.util.Objects;

/**
 * What {@link Notifier#watch} did.
 *
 * @param channel the channel watching
 * @param kind    the job's kind
 * @param jobId   the job
 * @param status  the job's status when watching started
 * @param model   the job's model (may be null)
 * @param outcome whether a new watch started
 */
public record WatchStart(String channel, JobKind kind, String jobId, String status, String model, Outcome outcome) {

    public WatchStart {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(outcome, "outcome");
    }

    public enum Outcome {
        /** A message was queued for the channel; it will be updated until the job ends. */
        STARTED,
        /** The channel already watches the job: nothing new was posted. */
        ALREADY_WATCHING,
        /** The job had already ended: one message with its final state was queued. */
        ALREADY_FINISHED
    }
}
