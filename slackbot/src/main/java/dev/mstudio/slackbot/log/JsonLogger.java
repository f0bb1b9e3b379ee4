package dev.mstudio.slackbot.log;

import dev.mstudio.logging.JsonLogLines;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger of JSON mode: formats the message as SLF4J does and writes it as one JSON line. */
final class JsonLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;
    private final int threshold;

    JsonLogger(String name, int threshold) {
        this.name = name;
        this.threshold = threshold;
    }

    private boolean logs(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return logs(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return logs(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return logs(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return logs(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return logs(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable error) {
        if (!logs(level)) {
            return;
        }
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        JsonLogLines.installed().write(System.currentTimeMillis(), level.name(), name,
                Thread.currentThread().getName(), message, error);
    }
}
