package dev.mstudio.repl;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/** What a run depends on from outside: environment variables, the home directory, the clock and time zone. */
record Settings(Map<String, String> env, Path home, Clock clock, ZoneId zone) {

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
