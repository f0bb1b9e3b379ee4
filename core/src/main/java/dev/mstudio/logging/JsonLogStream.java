package dev.mstudio.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a program prints for people while it runs (a banner, a fatal problem), as log entries in
 * JSON mode: each line written becomes one {@link JsonLogLines} entry on {@code System.err}.
 */
public final class JsonLogStream extends OutputStream {
    private final String logger;
    private final String level;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private JsonLogStream(String logger, String level) {
        this.logger = logger;
        this.level = level;
    }

    /** A stream whose every line is an entry of {@code logger} at {@code level} (ERROR, WARN, INFO...). */
    public static PrintStream of(String logger, String level) {
        return new PrintStream(new JsonLogStream(logger, level), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b != '\n') {
            pending.write(b);
            return;
        }
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        JsonLogLines.installed().write(System.currentTimeMillis(), level, logger, Thread.currentThread().getName(),
                line.endsWith("\r") ? line.substring(0, line.length() - 1) : line, null);
    }

    @Override
    public synchronized void close() {
        if (pending.size() > 0) {
            write('\n');
        }
    }
}
