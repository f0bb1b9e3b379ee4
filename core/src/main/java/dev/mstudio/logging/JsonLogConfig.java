package dev.mstudio.logging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * The {@code java.util.logging.config.class} of JSON mode: when (and only if) something first
 * uses {@code java.util.logging}, its root logger gets a {@link JsonLogHandler} instead of the
 * console handler, at the usual INFO level. Nothing loads before then.
 */
public final class JsonLogConfig {

    static final String PROPERTY = "java.util.logging.config.class";

    public JsonLogConfig() {
        String properties = "handlers=" + JsonLogHandler.class.getName() + "\n.level=INFO\n";
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
