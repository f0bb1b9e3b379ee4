package dev.mstudio.slackbot.notify;

import java.time.Instant;

/**
 * How notification delivery is doing.
 *
 * @param pending           outbox entries not delivered yet
 * @param delivered         Slack calls that succeeded since start
 * @param dropped           entries given up on since start (permanent Slack errors, too many attempts)
 * @param throttled         429 answers received since start
 * @param lastDeliveryAt    when the last call succeeded, or null
 * @param lastError         one line about the last failed call, or null (never a secret)
 * @param lastErrorAt       when it happened, or null
 * @param waitingChannels   channels waiting out a 429's Retry-After now
 * @param watchedJobs       jobs followed for watches
 * @param coreSubscriptions subscriptions held on the shared core watchers
 * @param failingChannels   channels whose last notification was given up on (their owners were told)
 * @param reconciled        posts whose lost answer was found in Slack instead of being sent again
 */
public record NotifyHealth(long pending, long delivered, long dropped, long throttled, Instant lastDeliveryAt,
        String lastError, Instant lastErrorAt, int waitingChannels, int watchedJobs, int coreSubscriptions,
        int failingChannels, long reconciled) {

    /**
     * Degraded: some channel's notifications are failing (and its owners were told), or messages
     * wait while the last call failed (Slack unreachable or refusing).
     */
    public boolean degraded() {
        boolean failingNow = lastErrorAt != null && (lastDeliveryAt == null || lastErrorAt.isAfter(lastDeliveryAt));
        return failingChannels > 0 || pending > 0 && failingNow;
    }
}
