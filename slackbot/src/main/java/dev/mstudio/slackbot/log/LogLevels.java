package dev.mstudio.slackbot.log;

import java.util.Locale;
import org.slf4j.event.Level;

/**
 * The level a logger logs from, read from slf4j-simple's system properties so that both formats
 * obey the same settings: {@code org.slf4j.simpleLogger.log.NAME} for the logger or its nearest
 * dotted ancestor, else {@code org.slf4j.simpleLogger.defaultLogLevel}, else INFO.
 */
final class LogLevels {
    static final String PREFIX = "org.slf4j.simpleLogger.log.";
    static final String DEFAULT = "org.slf4j.simpleLogger.defaultLogLevel";
    /** Above ERROR: nothing is logged ("off"). */
    static final int OFF = Level.ERROR.toInt() + 10;

    private LogLevels() {
    }

    /** The lowest level (as {@link Level#toInt()}) that {@code name} logs. */
    static int of(String name) {
        for (String prefix = name; !prefix.isEmpty(); prefix = parent(prefix)) {
            String value = System.getProperty(PREFIX + prefix);
            if (value != null) {
                return parse(value);
            }
        }
        String fallback = System.getProperty(DEFAULT);
        return fallback != null ? parse(fallback) : Level.INFO.toInt();
    }

    private static String parent(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    private static int parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "trace" -> Level.TRACE.toInt();
            case "debug" -> Level.DEBUG.toInt();
            case "warn" -> Level.WARN.toInt();
            case "error" -> Level.ERROR.toInt();
            case "off" -> OFF;
            default -> Level.INFO.toInt();
        };
    }
}
