package dev.mstudio.slackbot.notify;

/** The bot store failed; the message never holds the JDBC URL or any credential. */
final class StoreException extends IllegalStateException {
    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
