package dev.mstudio.repl;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a run depends on from outside: environment variables, the home directory, the clock and time
 * zone. The zone is looked up only when a time is first shown in it: finding the system's zone reads
 * the time-zone database, which a run that shows no absolute time ({@code /help}) need not wait for.
 */
record Settings(Map<String, String> env, Path home, Clock clock, Supplier<ZoneId> zone) {

    Settings(Map<String, String> env, Path home, Clock clock, ZoneId zone) {
        this(env, home, clock, () -> zone);
    }

    TimeText timeText() {
        return new TimeText(clock, zone);
    }

    /** Colour unless {@code NO_COLOR} is set (to anything but the empty string) or output is not a terminal. */
    Palette palette(boolean terminal) {
        return Palette.forOutput(terminal, env.get("NO_COLOR"));
    }

    /** {@code ~/.mstudio/history}. */
    Path historyFile() {
        return home.resolve(".mstudio").resolve("history");
    }
}
