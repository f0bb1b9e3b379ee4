package dev.mstudio.sandbox.http;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * One client connection through the {@link Gate}: request heads are checked one by one and
 * passed on with their bodies to a connection of its own to the JDK server, whose answers a
 * second task copies back unchanged. A bad head is answered here, after the answers already due,
 * and the connection is then closed.
 */
final class GateConnection implements Runnable {

    /** After refusing a request, how much more of it is read (and dropped) so the client sees the answer. */
    static final long MAX_DRAIN_BYTES = 16L << 20;
    static final int DRAIN_IDLE_MS = 2_000;
    private static final int BUFFER = 16 * 1024;

    private final Gate gate;
    private final Socket client;
    private final CountDownLatch pumped = new CountDownLatch(1);
    private volatile boolean readerDone;
    private Socket backend;
    private OutputStream toBackend;

    GateConnection(Gate gate, Socket client) {
        this.gate = gate;
        this.client = client;
    }

    @Override
    public void run() {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream(), BUFFER);
            try {
                forwardRequests(in);
                finishBackend();
            } catch (ApiError refused) {
                finishBackend();
                refuse(refused, in);
            }
        } catch (IOException | RuntimeException e) {
            // the client or the JDK server went away: nothing left to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gate.release(client);
            gate.release(backend);
        }
    }

    /** Passes requests on until the client stops sending (or sends a chunked body, passed on to the end). */
    private void forwardRequests(InputStream in) throws IOException {
        for (RequestHead head = RequestHead.read(in); head != null; head = RequestHead.read(in)) {
            if (backend == null) {
                openBackend();
            }
            toBackend.write(head.bytes());
            if (head.contentLength() < 0) {
                in.transferTo(toBackend);
                return;
            }
            copy(in, toBackend, head.contentLength());
            toBackend.flush();
        }
    }

    private void openBackend() throws IOException {
        backend = gate.connectBackend();
        toBackend = backend.getOutputStream();
        InputStream answers = backend.getInputStream();
        OutputStream toClient = client.getOutputStream();
        gate.execute(() -> pump(answers, toClient));
    }

    /** Copies the JDK server's answers to the client; when the server hangs up first, so does the client. */
    private void pump(InputStream answers, OutputStream toClient) {
        byte[] buffer = new byte[BUFFER];
        try {
            for (int n = answers.read(buffer); n >= 0; n = answers.read(buffer)) {
                toClient.write(buffer, 0, n);
                toClient.flush();
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            pumped.countDown();
            if (!readerDone) {
                gate.release(client);
            }
        }
    }

    /** Tells the JDK server no more requests come and waits until every answer due has been copied. */
    private void finishBackend() throws IOException, InterruptedException {
        readerDone = true;
        if (backend != null) {
            backend.shutdownOutput();
            pumped.await();
        }
    }

    /** Answers the refused request with the JSON error, then reads what the client still sends. */
    private void refuse(ApiError error, InputStream in) throws IOException {
        byte[] body = Json.bytes(HttpReply.error(gate.requestId(), error).body());
        String head = "HTTP/1.1 " + error.status() + " " + reason(error.status()) + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        client.shutdownOutput();
        drain(in);
    }

    /**
     * Closing a socket with unread input makes the client's system send a reset, which may
     * destroy the answer before the client reads it; so the rest of a refused request (up to
     * {@link #MAX_DRAIN_BYTES}, while it keeps coming) is read and dropped first.
     */
    private void drain(InputStream in) throws IOException {
        client.setSoTimeout(DRAIN_IDLE_MS);
        try {
            long skipped = 0;
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0 && skipped < MAX_DRAIN_BYTES; n = in.read(buffer)) {
                skipped += n;
            }
        } catch (SocketTimeoutException e) {
            // the client stopped sending without closing: enough
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(1, length))];
        for (long left = length; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the connection ended inside a request body");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> "Bad Request";
        };
    }
}
