package dev.mstudio.watch;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.JobKind;
import java.time.Duration;
import java.time.Instant;

/** The counters behind {@link WatchHealth}. Not thread-safe: used under the watcher's lock. */
final class CycleStats {
    private Instant lastSuccess;
    private String lastError;
    private int requestsLastCycle;
    private long requestsTotal;
    private long cycles;
    private int watchedJobs;

    void record(FetchResult result, int watched, Instant now) {
        cycles++;
        requestsLastCycle = result.requests();
        requestsTotal += result.requests();
        watchedJobs = watched;
        if (result.complete()) {
            lastSuccess = now;
        } else {
            lastError = describe(result.error());
        }
    }

    void storeFailed(String what, RuntimeException e) {
        lastError = what + ": " + describe(e);
    }

    WatchHealth snapshot(JobKind kind, WatchHealth.State state, boolean synced, int consecutiveErrors,
            long listenerErrors, int listeners, Duration nextDelay) {
        return new WatchHealth(kind, state, synced, lastSuccess, consecutiveErrors, lastError, requestsLastCycle,
                requestsTotal, cycles, listenerErrors, listeners, watchedJobs, nextDelay);
    }

    /** One line for people, never a stack trace. */
    static String describe(Exception e) {
        String text = e instanceof ApiException api ? api.describe()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.replaceAll("\\s+", " ").trim();
    }
}
