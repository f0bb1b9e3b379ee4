package dev.mstudio.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that only moves when a test moves it; shared by every test that needs fake time. */
public final class ManualClock extends Clock {
    /** The create_time of the documented fine-tune example: a default start for tests that don't care. */
    public static final Instant START = Instant.parse("2024-10-29T16:53:53Z");

    private volatile Instant now;

    public ManualClock() {
        this(START);
    }

    public ManualClock(Instant now) {
        this.now = now;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
