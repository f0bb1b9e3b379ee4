package dev.mstudio.slackbot.log;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of JSON mode: every logger writes {@link dev.mstudio.logging.JsonLogLines}
 * entries, at the levels slf4j-simple would log (its {@code org.slf4j.simpleLogger.*} settings).
 * Not registered as a service, so slf4j-simple stays the provider unless {@link BotLogging}
 * names this one in {@code slf4j.provider}.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {

    private ILoggerFactory loggers;
    private IMarkerFactory markers;
    private MDCAdapter mdc;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        loggers = new Loggers();
        markers = new BasicMarkerFactory();
        mdc = new NOPMDCAdapter();
    }

    /** One logger per name, its level read once from the slf4j-simple settings. */
    private static final class Loggers implements ILoggerFactory {
        private final Map<String, Logger> byName = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return byName.computeIfAbsent(name, n -> new JsonLogger(n, LogLevels.of(n)));
        }
    }
}
