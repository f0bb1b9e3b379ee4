package dev.mstudio.slackbot.fakeslack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Scripted answers: the next calls of a method are throttled or refused, every answer is late, or
 * Slack is down. Thread-safe.
 */
final class Script {
    static final String ANY = "*";
    /** A fault's status meaning: do the call, then hang up without answering (the answer is lost). */
    static final int LOST = -1;

    /** What to answer instead of the normal result. */
    record Fault(String method, int status, String error, int retryAfterSeconds) {
        boolean appliesTo(String calledMethod) {
            return ANY.equals(method) || method.equals(calledMethod);
        }
    }

    private final Deque<Fault> faults = new ArrayDeque<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean down;
    private volatile double throttleRate;
    private volatile int throttleRetryAfter = 1;
    private final java.util.Map<String, Duration> channelLatency = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Random random = new java.util.Random(42);

    void latency(Duration latency) {
        this.latency = latency;
    }

    Duration latency() {
        return latency;
    }

    void down(boolean down) {
        this.down = down;
    }

    boolean down() {
        return down;
    }

    /** A share (0..1) of every call answered 429 with Retry-After {@code retryAfterSeconds}. */
    void throttleRate(double rate, int retryAfterSeconds) {
        this.throttleRate = rate;
        this.throttleRetryAfter = retryAfterSeconds;
    }

    /** A 429 fault for this call, drawn at the throttle rate, or null. */
    synchronized Fault randomThrottle(String method) {
        return throttleRate > 0 && random.nextDouble() < throttleRate
                ? new Fault(method, 429, "ratelimited", throttleRetryAfter) : null;
    }

    void latency(String channel, Duration latency) {
        if (latency.isZero()) {
            channelLatency.remove(channel);
        } else {
            channelLatency.put(channel, latency);
        }
    }

    /** The wait before answering a call about {@code channel}: its own latency, else everyone's. */
    Duration latency(String channel) {
        Duration own = channel == null ? null : channelLatency.get(channel);
        return own != null ? own : latency;
    }

    synchronized void add(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.addLast(fault);
        }
    }

    /** Takes the first scripted fault for this method, or null to answer normally. */
    synchronized Fault take(String method) {
        Iterator<Fault> it = faults.iterator();
        while (it.hasNext()) {
            Fault fault = it.next();
            if (fault.appliesTo(method)) {
                it.remove();
                return fault;
            }
        }
        return null;
    }

    synchronized void clear() {
        faults.clear();
        latency = Duration.ZERO;
        down = false;
        throttleRate = 0;
        channelLatency.clear();
    }
}
