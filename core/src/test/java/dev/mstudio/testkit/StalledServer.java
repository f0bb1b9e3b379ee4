package dev.mstudio.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP server on 127.0.0.1 that does not answer: it reads each request's head, then either
 * never answers ({@link Mode#HANG}) or sends a 200 head and trickles its body one byte a second
 * ({@link Mode#TRICKLE}), unless an answer was queued with {@link #answer}. It counts the requests
 * and the connections the client closed, so a test can tell that an abandoned call really stopped.
 */
public final class StalledServer implements AutoCloseable {
    public enum Mode { HANG, TRICKLE }

    private final Mode mode;
    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(StalledServer::daemon);
    private final ScheduledExecutorService trickles = Executors.newSingleThreadScheduledExecutor(StalledServer::daemon);
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedByClient = new AtomicInteger();

    public StalledServer(Mode mode) throws IOException {
        this.mode = mode;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "stalled-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** e.g. http://127.0.0.1:PORT/api/v1 */
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/api/v1";
    }

    /** The next request gets this JSON body with status 200 instead of stalling. */
    public void answer(String json) {
        answers.add(json);
    }

    /** "GET /api/v1/... HTTP/1.1" of each request received, in order. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** Connections the client closed while the server was stalling on them. */
    public int closedByClient() {
        return closedByClient.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        trickles.shutdownNow();
        connections.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.execute(() -> serve(connection));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            requestLines.add(head(in).lines().findFirst().orElse(""));
            OutputStream out = connection.getOutputStream();
            String json = answers.poll();
            if (json != null) {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return;
            }
            if (mode == Mode.TRICKLE) {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                trickles.scheduleAtFixedRate(() -> trickle(out), 1, 1, TimeUnit.SECONDS);
            }
            if (in.read() < 0) {
                closedByClient.incrementAndGet();
            }
        } catch (IOException e) {
            closedByClient.incrementAndGet();
        }
    }

    private static void trickle(OutputStream out) {
        try {
            out.write(' ');
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the client went away", e); // ends the schedule
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "stalled-server");
        thread.setDaemon(true);
        return thread;
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
