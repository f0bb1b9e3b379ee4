package dev.mstudio.sandbox.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The API's traffic: counters per method + path template and a ring buffer of the last requests. Thread-safe. */
public final class Traffic {

    static final int CAPACITY = 1000;

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final ArrayDeque<RecordedRequest> recent = new ArrayDeque<>(CAPACITY);

    /** Counts a request and keeps it among the last ones. */
    public void record(RecordedRequest request) {
        total.increment();
        counts.computeIfAbsent(request.method() + " " + request.template(), k -> new LongAdder())
                .increment();
        synchronized (recent) {
            if (recent.size() == CAPACITY) {
                recent.removeFirst();
            }
            recent.addLast(request);
        }
    }

    /** Requests counted since the counters were last zeroed. */
    public long total() {
        return total.sum();
    }

    /** The counts by method and path template, e.g. {@code "GET /api/v1/fine-tunes"}; none is 0. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new HashMap<>();
        counts.forEach((key, adder) -> {
            long n = adder.sum();
            if (n > 0) {
                snapshot.put(key, n);
            }
        });
        return snapshot;
    }

    /** Zeroes the counters; the last requests are kept. */
    public void resetStats() {
        counts.clear();
        total.reset();
    }

    /** The last {@code limit} requests, oldest first. */
    public List<RecordedRequest> last(int limit) {
        synchronized (recent) {
            List<RecordedRequest> all = new ArrayList<>(recent);
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }

    void clear() {
        resetStats();
        synchronized (recent) {
            recent.clear();
        }
    }
}
