package dev.mstudio.repl;

import dev.mstudio.time.RelativeTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;

/** Times for people: relative in tables ("3 min ago", "in 5 s"), absolute and relative in details. */
final class TimeText {
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private DateTimeFormatter absolute;

    TimeText(Clock clock, ZoneId zone) {
        this(clock, () -> zone);
    }

    /** Times in the zone {@code zone} gives, asked for when an absolute time is first shown. */
    TimeText(Clock clock, Supplier<ZoneId> zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** "just now", "12 s ago", "3 min ago", "2 h ago", "5 d ago", "4 mo ago", "2 y ago", or "in ..." for the future. */
    String relative(Instant time) {
        return RelativeTime.of(time, clock.instant());
    }

    /** "2024-10-29 16:53:53 UTC (3 min ago)". */
    String absoluteAndRelative(Instant time) {
        return absolute().format(time) + " (" + relative(time) + ")";
    }

    private synchronized DateTimeFormatter absolute() {
        if (absolute == null) {
            absolute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(zone.get());
        }
        return absolute;
    }

}
