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
    }
}
