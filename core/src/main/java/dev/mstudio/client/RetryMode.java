package dev.mstudio.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Which failures a call may be retried after; decided per endpoint by how safe a repeat is. */
enum RetryMode {
    /** GETs: throttling, server errors (500/502/503/504, InternalError) and any transport failure. */
    IDEMPOTENT {
        @Override
        boolean retries(Exception failure) {
            if (failure instanceof ApiException api) {
                return api.isThrottling() || api.isServerError();
            }
            return failure instanceof IOException io && !interrupted(io);
        }
    },
    /**
     * Cancel and delete: only throttling (the service refused before acting) or a failure to
     * connect at all (the request never reached the server). Never after it may have been received.
     */
    UNLESS_DELIVERED {
        @Override
        boolean retries(Exception failure) {
            if (failure instanceof ApiException api) {
                return api.isThrottling();
            }
            return failure instanceof ConnectException
                    || failure instanceof UnknownHostException
                    || failure instanceof NoRouteToHostException;
        }
    },
    /** Creates: a repeat could start a second job, so never. */
    NEVER {
        @Override
        boolean retries(Exception failure) {
            return false;
        }
    };

    abstract boolean retries(Exception failure);

    /** A thread interrupt (as opposed to a socket timeout) means stop, not try again. */
    private static boolean interrupted(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                && Thread.currentThread().isInterrupted();
    }
}
