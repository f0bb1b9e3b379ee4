package dev.mstudio.client;

import dev.mstudio.concurrent.DaemonThreads;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs one OkHttp call so that interrupting the calling thread cancels it. {@link Call#execute()}
 * ignores interrupts (a socket read does not wake for them), so the call and the reading of its
 * response run on a helper thread while the caller waits interruptibly; on an interrupt the call is
 * {@linkplain Call#cancel() canceled}, which closes its socket at once, and the caller gets an
 * {@link InterruptedIOException} with its interrupt flag still set. Everything else behaves as a
 * plain {@code execute()}: the same exception instances, the same timeouts, no dispatcher queueing.
 */
final class InterruptibleCall {
    /** Helper threads are daemons and shared by every client; idle ones end after a minute. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(DaemonThreads.named("mstudio-http"));

    /** Reads the response; runs on the helper thread, before the response is closed. */
    @FunctionalInterface
    interface Handler<T> {
        T handle(Response response) throws IOException;
    }

    private InterruptibleCall() {
    }

    /** Executes {@code call}, hands its response to {@code handler} and returns what that returned. */
    static <T> T execute(Call call, Handler<T> handler) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(call.request(), null);
        }
        Future<T> result;
        try {
            result = THREADS.submit(() -> {
                try (Response response = call.execute()) {
                    return handler.handle(response);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IOException("cannot start the HTTP call", e);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw interrupted(call.request(), e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** "GET http://host/api/v1/fine-tunes was interrupted"; the URL without userinfo or query, no headers. */
    static InterruptedIOException interrupted(Request request, Throwable cause) {
        String url = Urls.redact(request.url());
        InterruptedIOException stop = new InterruptedIOException(request.method() + " " + url + " was interrupted");
        if (cause != null) {
            stop.initCause(cause);
        }
        return stop;
    }

    /** The helper's failure as it was thrown: an IOException to throw, anything unchecked rethrown. */
    private static IOException rethrow(Throwable failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IOException("the HTTP call failed", failure);
    }

}
