package dev.mstudio.slackbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode server, played locally on 127.0.0.1 over plain ws:// (Java-WebSocket): greets
 * each connection with {@code {"type":"hello"}}, sends envelopes to the latest connection and
 * collects what the client sends back (acks, {@code {"envelope_id":...}}). Pings are answered by the
 * library, as the Slack SDK's connection check expects.
 */
final class FakeSocketModeServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;

    private FakeSocketModeServer(Server server) {
        this.server = server;
    }

    /** Starts listening on a free port of 127.0.0.1; returns once it accepts connections. */
    static FakeSocketModeServer start(Duration timeout) throws InterruptedException {
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setReuseAddr(true);
        server.setDaemon(true);
        server.start();
        if (!server.started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            server.stop(0);
            throw new IllegalStateException("the Socket Mode server did not start within " + timeout);
        }
        if (server.failure.get() != null) {
            server.stop(0);
            throw new IllegalStateException("the Socket Mode server did not start", server.failure.get());
        }
        return new FakeSocketModeServer(server);
    }

    /** What apps.connections.open hands out, e.g. {@code ws://127.0.0.1:PORT/link/?ticket=fake}. */
    String url() {
        return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=fake-ticket";
    }

    /** Waits until a client has connected (and was sent hello). */
    void awaitConnection(Duration timeout) throws InterruptedException {
        if (!server.connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no Socket Mode client connected within " + timeout
                    + (server.failure.get() == null ? "" : "; server error: " + server.failure.get()));
        }
    }

    /** Sends {@code envelope} to the latest open connection. */
    void send(ObjectNode envelope) {
        WebSocket socket = server.latest.get();
        if (socket == null || !socket.isOpen()) {
            throw new AssertionError("no open Socket Mode connection to send to");
        }
        try {
            socket.send(JSON.writeValueAsString(envelope));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first message from the client carrying {@code envelopeId}, received already or within {@code timeout}. */
    JsonNode awaitAck(String envelopeId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (JsonNode seen : server.seen) {
            if (envelopeId.equals(seen.path("envelope_id").asText(null))) {
                return seen;
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message = left <= 0 ? null : server.received.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no ack for envelope " + envelopeId + " within " + timeout
                        + "; the client sent: " + server.seen);
            }
            if (envelopeId.equals(message.path("envelope_id").asText(null))) {
                return message;
            }
        }
    }

    /** Every JSON message the client sent so far, in order. */
    List<JsonNode> received() {
        return List.copyOf(server.seen);
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(1_000);
    }

    private static final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch connected = new CountDownLatch(1);
        final AtomicReference<WebSocket> latest = new AtomicReference<>();
        final AtomicReference<Exception> failure = new AtomicReference<>();
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final List<JsonNode> seen = new CopyOnWriteArrayList<>();

        Server(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            latest.set(socket);
            socket.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake-socket-mode\","
                    + "\"build_number\":1,\"approximate_connection_time\":3600},"
                    + "\"connection_info\":{\"app_id\":\"A0FAKE\"}}");
            connected.countDown();
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
            try {
                JsonNode json = JSON.readTree(message);
                seen.add(json);
                received.add(json);
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            }
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            latest.compareAndSet(socket, null);
        }

        @Override
        public void onError(WebSocket socket, Exception e) {
            failure.compareAndSet(null, e);
            started.countDown();
        }
    }
}
