package dev.mstudio.slackbot.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When each channel may be sent to next: at most one call per {@code interval} per channel, none
 * while a channel waits out a 429's Retry-After, at most one call in flight per channel (so order
 * holds). A 429 on one channel pauses that channel; a second channel throttled while the first
 * still waits means Slack limits the whole workspace, and every channel waits. Thread-safe.
 */
final class ChannelPacing {
    /** Timings that are over are forgotten once this many channels are tracked. */
    private static final int FORGET_AT = 10_000;
    private final Duration interval;
    private final Map<String, Instant> nextAllowed = new HashMap<>();
    private final Map<String, Instant> blockedUntil = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private Instant globalUntil = Instant.MIN;

    ChannelPacing(Duration interval) {
        this.interval = interval;
    }

    /** The earliest instant the channel's head entry may go (its own {@code notBefore} included). */
    synchronized Instant readyAt(String channel, Instant notBefore) {
        Instant ready = notBefore;
        ready = later(ready, nextAllowed.get(channel));
        ready = later(ready, blockedUntil.get(channel));
        return later(ready, globalUntil);
    }

    /** Claims the channel for one call; false when a call to it is already in flight. */
    synchronized boolean claim(String channel) {
        return inFlight.add(channel);
    }

    synchronized void release(String channel) {
        inFlight.remove(channel);
    }

    /** A call was made at {@code now} (whatever its outcome): the next waits one interval. */
    synchronized void called(String channel, Instant now) {
        if (nextAllowed.size() >= FORGET_AT) {
            forgetPast(now);
        }
        nextAllowed.put(channel, now.plus(interval));
    }

    /** Slack answered 429 for the channel at {@code now}, asking to wait until {@code until}. */
    synchronized void throttled(String channel, Instant now, Instant until) {
        boolean otherWaiting = blockedUntil.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(channel) && e.getValue().isAfter(now));
        blockedUntil.merge(channel, until, ChannelPacing::later);
        if (otherWaiting) {
            globalUntil = later(globalUntil, until);
        }
    }

    /** Channels waiting out a 429 now; forgets timings that are over. */
    synchronized int waiting(Instant now) {
        forgetPast(now);
        return globalUntil.isAfter(now) ? Math.max(1, blockedUntil.size()) : blockedUntil.size();
    }

    private void forgetPast(Instant now) {
        for (Map<String, Instant> times : List.of(nextAllowed, blockedUntil)) {
            Iterator<Instant> it = times.values().iterator();
            while (it.hasNext()) {
                if (!it.next().isAfter(now)) {
                    it.remove();
                }
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
