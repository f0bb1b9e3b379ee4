package dev.mstudio.client;

import dev.mstudio.testkit.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** A MockWebServer on 127.0.0.1 plus a client wired to it with a fake clock and sleeper. */
final class TestServer implements AutoCloseable {
    static final String KEY = "sk-test-0123456789abcdef";
    static final String WORKSPACE = "ws-test-42";

    final MockWebServer server = new MockWebServer();
    final ManualClock clock = new ManualClock(Instant.parse("2024-10-29T08:00:00Z"));
    final FakeSleeper sleeper = new FakeSleeper(clock);

    TestServer() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return server.url("/api/v1").toString();
    }

    ClientConfig config() {
        return new ClientConfig(baseUrl(), KEY, WORKSPACE);
    }

    /** Fake clock and sleeper, predictable jitter, short timeouts; defaults otherwise. */
    DashScopeClient.Builder builder() {
        return DashScopeClient.builder()
                .config(config())
                .clock(clock)
                .sleeper(sleeper)
                .random(new MaxJitter())
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10));
    }

    DashScopeClient client() {
        return builder().build();
    }

    void enqueue(int status, String body) {
        server.enqueue(json(status, body));
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    static String error(String code, String message, String requestId) {
        return "{\"request_id\":\"" + requestId + "\",\"code\":\"" + code + "\",\"message\":\"" + message + "\"}";
    }

    /** A documented example body from src/test/resources/seeds/, byte for byte. */
    static String seed(String name) {
        try (InputStream in = TestServer.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
