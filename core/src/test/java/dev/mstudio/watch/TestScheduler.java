package dev.mstudio.watch;

import dev.mstudio.testkit.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A deterministic {@link WatchScheduler} with its own fake clock: nothing runs until the test calls
 * {@link #advance} or {@link #runDue}, which move the clock to each due task in order and run it on
 * the calling thread.
 */
public final class TestScheduler implements WatchScheduler {
    private final ManualClock clock;
    private final List<Entry> tasks = new ArrayList<>();
    private long sequence;

    public TestScheduler() {
        this(Instant.parse("2024-06-01T12:00:00Z"));
    }

    public TestScheduler(Instant start) {
        this.clock = new ManualClock(start);
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Override
    public synchronized Task schedule(Runnable task, Duration delay) {
        Entry entry = new Entry(clock.instant().plus(delay), sequence++, task);
        tasks.add(entry);
        return () -> remove(entry);
    }

    /** Runs the tasks due now (including those they schedule for now). */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves time forward, running each task as its time comes. */
    public void advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        Optional<Entry> next;
        while ((next = nextDue(target)).isPresent()) {
            if (next.get().due().isAfter(clock.instant())) {
                clock.set(next.get().due());
            }
            next.get().task().run();
        }
        clock.set(target);
    }

    /** The delay until the next scheduled task, if any. */
    public synchronized Optional<Duration> nextDelay() {
        return tasks.stream().min(ORDER).map(e -> Duration.between(clock.instant(), e.due()));
    }

    public synchronized int pending() {
        return tasks.size();
    }

    private synchronized Optional<Entry> nextDue(Instant target) {
        Optional<Entry> next = tasks.stream().filter(e -> !e.due().isAfter(target)).min(ORDER);
        next.ifPresent(tasks::remove);
        return next;
    }

    private synchronized void remove(Entry entry) {
        tasks.remove(entry);
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::due).thenComparingLong(Entry::seq);

    private record Entry(Instant due, long seq, Runnable task) {
    }
}
