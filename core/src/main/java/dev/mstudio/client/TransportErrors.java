package dev.mstudio.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/**
 * Rewrites a transport failure in words that name the host and the reason, e.g. "Cannot reach
 * dashscope-intl.aliyuncs.com: connection refused" or "dashscope-intl.aliyuncs.com did not answer:
 * timed out after 30 s". The exception keeps its kind (a refused connection is still a
 * {@link ConnectException}, a timeout a {@link SocketTimeoutException}) so that retry decisions
 * are unchanged, and the original stays as its cause. A thread interrupt is passed through as it is.
 */
final class TransportErrors {
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;

    TransportErrors(Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.callTimeout = callTimeout;
    }

    IOException explain(IOException failure, HttpUrl url) {
        if (Thread.currentThread().isInterrupted() || failure instanceof ReadableAlready) {
            return failure;
        }
        String host = Urls.hostAndPort(url);
        IOException explained;
        if (failure instanceof SocketTimeoutException) {
            explained = connectPhase(failure)
                    ? new SocketTimeoutException("Cannot reach " + host + ": no connection after " + seconds(connectTimeout))
                    : new SocketTimeoutException(host + " did not answer: timed out after " + seconds(readTimeout));
        } else if (failure instanceof InterruptedIOException && "timeout".equals(failure.getMessage())) {
            explained = new SocketTimeoutException(host + " did not answer: timed out after " + seconds(callTimeout)
                    + " (the whole call)");
        } else if (failure instanceof UnknownHostException) {
            explained = new UnknownHostException("Cannot reach " + host + ": unknown host (the name does not resolve)");
        } else if (failure instanceof NoRouteToHostException) {
            explained = new NoRouteToHostException("Cannot reach " + host + ": no route to host");
        } else if (failure instanceof ConnectException) {
            explained = new ConnectException("Cannot reach " + host + ": " + connectReason(failure));
        } else if (failure instanceof SSLException) {
            explained = new SSLException("Cannot reach " + host + ": the secure connection (TLS) failed");
        } else {
            explained = new IOException("The connection to " + host + " failed: " + otherReason(failure));
        }
        explained.initCause(failure);
        return explained;
    }

    /** A failure whose message is already written for people (e.g. a body cut off mid-stream). */
    static final class ReadableAlready extends IOException {
        ReadableAlready(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static boolean connectPhase(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    private static String connectReason(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("refused")) {
                return "connection refused";
            }
            if (message.contains("unreachable")) {
                return "network unreachable";
            }
        }
        return "the connection could not be made";
    }

    private static String otherReason(IOException failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("reset")) {
            return "the connection was reset";
        }
        if (message.contains("end of stream") || message.contains("closed")) {
            return "the server closed the connection before answering";
        }
        return "the connection broke off";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
