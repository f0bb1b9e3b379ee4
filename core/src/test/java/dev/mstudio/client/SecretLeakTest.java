package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** The API key never shows up in a message, toString or excerpt, whatever goes wrong. */
class SecretLeakTest {
    private static final String KEY = "sk-leaky-5f3c9a7e1b2d4c6e";

    private final TestServer test = new TestServer();
    private final DashScopeClient client = test.builder()
            .config(new ClientConfig(test.baseUrl(), KEY, "ws"))
            .maxAttempts(1)
            .build();
    private final List<Throwable> failures = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        test.close();
    }

    private void capture(ThrowingSupplier<?> call) {
        Throwable thrown = catchThrowable(call::get);
        assertThat(thrown).as("expected a failure").isNotNull();
        failures.add(thrown);
    }

    private static void assertNoKey(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
            assertThat(t.toString()).doesNotContain(KEY);
            if (t instanceof ApiException api) {
                assertThat(api.describe()).doesNotContain(KEY);
            }
        }
    }

    @Test
    void everyErrorPath_neverShowsTheKey() throws Exception {
        test.enqueue(401, TestServer.error("InvalidApiKey", "Invalid API-key provided: " + KEY, "r-1"));
        test.enqueue(502, "<html>proxy saw Authorization: Bearer " + KEY + "</html>");
        test.enqueue(200, "{\"request_id\":\"r-2\",\"echo\":\"" + KEY + "\"}");
        test.enqueue(200, "{\"echo\":\"" + KEY + "\",\"output\":{\"tot");
        test.server.enqueue(TestServer.json(200, "{\"request_id\":\"" + KEY + "\",\"output\":{\"job_id\":\"x\"}}" + " ".repeat(4096))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        capture(() -> client.getImport("imp-1"));
        capture(() -> client.getImport("imp-1"));
        capture(() -> client.getImport("imp-1"));
        capture(() -> client.getImport("imp-1"));
        capture(() -> client.getImport("imp-1"));
        capture(() -> client.getImport("imp-1"));
        capture(() -> client.getImport(".."));
        capture(() -> client.fineTuneLogs("ft-1", -1, 5));

        assertThat(failures).hasSize(8);
        assertThat(failures.get(0).getMessage()).contains("sk-****");
        failures.forEach(SecretLeakTest::assertNoKey);
    }

    @Test
    void connectionRefused_neverShowsTheKey() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (DashScopeClient refused = DashScopeClient.builder()
                .config(ClientConfig.of("http://127.0.0.1:" + closedPort + "/api/v1", KEY))
                .clock(test.clock).sleeper(test.sleeper).maxAttempts(2)
                .connectTimeout(Duration.ofSeconds(2))
                .build()) {
            Throwable thrown = catchThrowable(() -> refused.listFineTunes(FineTuneQuery.all()));

            assertThat(thrown).isInstanceOf(IOException.class);
            assertNoKey(thrown);
            assertThat(refused.toString()).contains("sk-****").doesNotContain(KEY);
        }
    }

    @Test
    void configurationAndToString_neverShowTheKey() {
        ClientConfig config = new ClientConfig("http://127.0.0.1:1/api/v1", KEY, "ws");

        assertThat(config.toString()).doesNotContain(KEY);
        assertThat(client.toString()).doesNotContain(KEY).contains("sk-****");
        Throwable badRegion = catchThrowable(() -> ClientConfig.fromEnvironment(
                Map.of("DASHSCOPE_API_KEY", KEY, "DASHSCOPE_REGION", "nowhere"), null));
        assertNoKey(badRegion);
        Throwable badUrl = catchThrowable(() -> ClientConfig.fromEnvironment(
                Map.of("DASHSCOPE_API_KEY", KEY, "DASHSCOPE_HTTP_BASE_URL", "not a url"), null));
        assertNoKey(badUrl);
    }
}
