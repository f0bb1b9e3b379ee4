package dev.mstudio.watch;

import dev.mstudio.client.JobKind;
import java.time.Duration;
import java.time.Instant;

/**
 * A watcher's condition at one moment.
 *
 * @param state             what the poll loop is doing
 * @param synced            true once the first full pass completed
 * @param lastSuccess       end of the last cycle that completed without error, or null
 * @param consecutiveErrors failed cycles since the last success
 * @param lastError         one line about the last failure (poll or state store), or null
 * @param requestsLastCycle HTTP requests made by the last cycle
 * @param requestsTotal     HTTP requests made since the watcher was created
 * @param cycles            poll cycles run since the watcher was created
 * @param listenerErrors    exceptions thrown by listeners or the job sink (counted, never propagated)
 * @param listeners         open subscriptions
 * @param watchedJobs       non-terminal jobs followed in the last cycle
 * @param nextDelay         delay chosen after the last cycle (null before the first)
 */
public record WatchHealth(
        JobKind kind,
        State state,
        boolean synced,
        Instant lastSuccess,
        int consecutiveErrors,
        String lastError,
        int requestsLastCycle,
        long requestsTotal,
        long cycles,
        long listenerErrors,
        int listeners,
        int watchedJobs,
        Duration nextDelay) {

    /** What the poll loop is doing. */
    public enum State {
        /** Not polling: no listener, or nothing left to follow. */
        IDLE,
        /** Polling, first full pass not completed yet. */
        SYNCING,
        /** Polling normally. */
        WATCHING,
        /** The last cycle failed; the next one waits longer. */
        BACKING_OFF
    }
}
