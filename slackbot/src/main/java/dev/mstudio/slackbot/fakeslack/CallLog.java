package dev.mstudio.slackbot.fakeslack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Every call received, in order, with a bounded wait for tests. Thread-safe. */
final class CallLog {
    private final List<SlackCall> calls = new ArrayList<>();
    private final PrintStream echo;

    CallLog(PrintStream echo) {
        this.echo = echo;
    }

    void add(SlackCall call) {
        synchronized (this) {
            calls.add(call);
            notifyAll();
        }
        if (echo != null) {
            echo.println(Echo.render(call));
            echo.flush();
        }
    }

    synchronized List<SlackCall> all() {
        return List.copyOf(calls);
    }

    synchronized List<SlackCall> of(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The first call of the method the predicate accepts, waiting at most {@code timeout} for it. */
    SlackCall await(String method, Predicate<SlackCall> match, Duration timeout) throws InterruptedException {
        Predicate<SlackCall> wanted = match == null ? c -> true : match;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (SlackCall call : calls) {
                    if (call.method().equals(method) && wanted.test(call)) {
                        return call;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
