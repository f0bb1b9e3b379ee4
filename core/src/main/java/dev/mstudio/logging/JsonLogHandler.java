package dev.mstudio.logging;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The {@code java.util.logging} handler of JSON mode (the JDK's own loggers, OkHttp's and
 * Caffeine's): each record becomes one {@link JsonLogLines} entry on {@code System.err}.
 * Named by {@link JsonLogConfig}, so it needs its public no-argument constructor.
 */
public final class JsonLogHandler extends Handler {

    /** Only {@link Formatter#formatMessage}: parameters and resource bundles filled in as the JDK does. */
    private static final Formatter MESSAGES = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    public JsonLogHandler() {
        setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        // handlers run on the logging thread, so its name is the entry's thread
        JsonLogLines.installed().write(record.getMillis(), level(record.getLevel()), record.getLoggerName(),
                Thread.currentThread().getName(), MESSAGES.format(record), record.getThrown());
    }

    /** The SLF4J name of a JDK level, as the two kinds of entry share one vocabulary. */
    static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    @Override
    public void flush() {
        System.err.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
