package dev.mstudio.repl;

import dev.mstudio.command.Result;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** A training chart as the REPL draws it, for programs that measure it (the benchmarks). */
public final class ChartText {
    private ChartText() {
    }

    /** The lines of {@code chart} drawn {@code width} columns wide, in colour or plain. */
    public static List<String> lines(Result.Chart chart, int width, boolean colour) {
        Look look = new Look(colour ? Palette.COLOUR : Palette.PLAIN, () -> width,
                new TimeText(Clock.systemUTC(), ZoneOffset.UTC));
        return new ChartRenderer(look).render(chart);
    }
}
