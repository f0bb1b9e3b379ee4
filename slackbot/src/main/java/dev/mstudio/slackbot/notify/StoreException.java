package dev.mstudio.slackbot.notify;

/** The bot store failed; the message is one line and never holds a credential. */
public final class StoreException extends IllegalStateException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
