package dev.mstudio.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The one way mstudio says how long ago (or how soon) something is, for every front end: "just
 * now", "12 s ago", "3 min ago", "2 h ago", "5 d ago", "4 mo ago", "2 y ago", or "in 3 d".
 */
public final class RelativeTime {
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long MONTH = 30 * DAY;
    private static final long YEAR = 365 * DAY;

    private RelativeTime() {
    }

    /** {@code time} as seen at {@code now}. */
    public static String of(Instant time, Instant now) {
        long seconds = Duration.between(time, now).getSeconds();
        if (Math.abs(seconds) < 1) {
            return "just now";
        }
        String amount = amount(Math.abs(seconds));
        return seconds > 0 ? amount + " ago" : "in " + amount;
    }

    /** "12 s", "3 min", "2 h" (under two days), "5 d", "4 mo", "2 y". */
    public static String amount(long seconds) {
        if (seconds < MINUTE) {
            return seconds + " s";
        }
        if (seconds < HOUR) {
            return seconds / MINUTE + " min";
        }
        if (seconds < 2 * DAY) {
            return seconds / HOUR + " h";
        }
        if (seconds < 2 * MONTH) {
            return seconds / DAY + " d";
        }
        if (seconds < YEAR) {
            return seconds / MONTH + " mo";
        }
        return seconds / YEAR + " y";
    }
}
