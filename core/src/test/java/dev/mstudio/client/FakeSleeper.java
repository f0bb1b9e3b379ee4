package dev.mstudio.client;

import dev.mstudio.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every wait and moves the fake clock forward instead of sleeping. */
final class FakeSleeper implements Sleeper {
    private final ManualClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    FakeSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        clock.advance(duration);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
