package dev.mstudio.client;

/** mstudio is not configured well enough to call the service; the message says how to fix it. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
