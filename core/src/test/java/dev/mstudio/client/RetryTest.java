package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries with a fake clock and sleeper: nothing here really sleeps. */
class RetryTest {
    private static final String OK_IMPORT = TestServer.seed("import-get.json");
    private static final String OK_STATUS = "{\"request_id\":\"r-ok\",\"output\":{\"status\":\"success\"}}";

    private final TestServer test = new TestServer();
    private DashScopeClient client = test.client();

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        test.close();
    }

    private static MockResponse throttled(String retryAfter) {
        MockResponse response = TestServer.json(429, TestServer.error("Throttling", "Requests throttled", "r-429"));
        return retryAfter == null ? response : response.setHeader("Retry-After", retryAfter);
    }

    private static MockResponse internalError() {
        return TestServer.json(500, TestServer.error("InternalError", "Internal server error!", "r-500"));
    }

    @Test
    void getImport_throttledWithRetryAfterSeconds_waitsExactlyThatThenSucceeds() throws Exception {
        test.server.enqueue(throttled("3"));
        test.enqueue(200, OK_IMPORT);

        ImportJob job = client.getImport("imp-1");

        assertThat(job.status()).isEqualTo("RUNNING");
        assertThat(test.sleeper.waits()).containsExactly(Duration.ofSeconds(3));
        assertThat(test.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void getImport_throttledWithRetryAfterDate_waitsUntilThatDate() throws Exception {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                test.clock.instant().plusSeconds(5).atZone(ZoneOffset.UTC));
        test.server.enqueue(throttled(at));
        test.enqueue(200, OK_IMPORT);

        client.getImport("imp-1");

        assertThat(test.sleeper.waits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void getImport_throttlingCodeOnHttp400_isRetried() throws Exception {
        test.enqueue(400, TestServer.error("Throttling", "Too many requests", "r-1"));
        test.enqueue(200, OK_IMPORT);

        client.getImport("imp-1");

        assertThat(test.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void listImports_serverErrorsThenSuccess_backsOffExponentiallyWithJitter() throws Exception {
        test.server.enqueue(internalError());
        test.server.enqueue(TestServer.json(502, "<html>bad gateway</html>"));
        test.server.enqueue(TestServer.json(503, ""));
        test.enqueue(200, TestServer.seed("import-list.json"));

        Page<ImportJob> page = client.listImports(ImportQuery.all());

        assertThat(page.total()).isEqualTo(2);
        assertThat(test.sleeper.waits()).containsExactly(
                Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void getImport_persistentServerError_stopsAfterMaxAttempts() {
        for (int i = 0; i < 6; i++) {
            test.server.enqueue(internalError());
        }

        assertThatThrownBy(() -> client.getImport("imp-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("InternalError"));
        assertThat(test.server.getRequestCount()).isEqualTo(4);
        assertThat(test.sleeper.waits()).hasSize(3);
    }

    @Test
    void getImport_retryAfterBeyondBudget_failsAtOnceWithTheLastError() {
        test.server.enqueue(throttled("31"));
        test.enqueue(200, OK_IMPORT);

        assertThatThrownBy(() -> client.getImport("imp-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("Throttling"));
        assertThat(test.server.getRequestCount()).isEqualTo(1);
        assertThat(test.sleeper.waits()).isEmpty();
    }

    @Test
    void getImport_budgetSpent_stopsBeforeMaxAttempts() {
        client.close();
        client = test.builder().maxAttempts(10).retryBudget(Duration.ofSeconds(30)).build();
        for (int i = 0; i < 10; i++) {
            test.server.enqueue(throttled("12"));
        }

        assertThatThrownBy(() -> client.getImport("imp-1")).isInstanceOf(ApiException.class);
        assertThat(test.server.getRequestCount()).isEqualTo(3);
        assertThat(test.sleeper.waits()).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(12));
    }

    @Test
    void getImport_connectionResetAtStart_isRetried() throws Exception {
        test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        test.enqueue(200, OK_IMPORT);

        assertThat(client.getImport("imp-1").jobId()).isNotNull();
        assertThat(test.sleeper.waits()).hasSize(1);
    }

    @Test
    void getFineTune_resetAfterRequest_isRetried() throws Exception {
        test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        test.enqueue(200, "{\"request_id\":\"r\",\"output\":{\"job_id\":\"ft-1\",\"status\":\"RUNNING\"}}");

        assertThat(client.getFineTune("ft-1").status()).isEqualTo("RUNNING");
        assertThat(test.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void getImport_readTimeout_isRetried() throws Exception {
        client.close();
        client = test.builder().readTimeout(Duration.ofMillis(200)).build();
        test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        test.enqueue(200, OK_IMPORT);

        assertThat(client.getImport("imp-1").status()).isEqualTo("RUNNING");
        assertThat(test.sleeper.waits()).hasSize(1);
    }

    @Test
    void deleteFineTune_readTimeout_isNotRetried() {
        client.close();
        client = test.builder().readTimeout(Duration.ofMillis(200)).build();
        test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        test.enqueue(200, OK_STATUS);

        assertThatThrownBy(() -> client.deleteFineTune("ft-1")).isInstanceOf(SocketTimeoutException.class);
        assertThat(test.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void createImport_anyFailure_isNeverRetried() throws Exception {
        test.server.enqueue(throttled("1"));
        test.server.enqueue(internalError());
        test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        CreateImportRequest create = new CreateImportRequest("qwen3-32b", "lora", "b", "m/", null);

        assertThatThrownBy(() -> client.createImport(create)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> client.createImport(create)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> client.createImport(create)).isInstanceOf(IOException.class);
        assertThat(test.server.getRequestCount()).isEqualTo(3);
        assertThat(test.sleeper.waits()).isEmpty();
    }

    @Test
    void createFineTune_throttled_isNotRetried() {
        test.server.enqueue(throttled("1"));
        test.enqueue(200, "{\"request_id\":\"r\",\"output\":{\"job_id\":\"ft-1\"}}");

        assertThatThrownBy(() -> client.createFineTune(new CreateFineTuneRequest("qwen3-14b",
                java.util.List.of("f"), null, null, null, null))).isInstanceOf(ApiException.class);
        assertThat(test.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cancelAndDelete_throttled_areRetried() throws Exception {
        test.server.enqueue(throttled("2"));
        test.enqueue(200, OK_STATUS);
        test.server.enqueue(throttled(null));
        test.enqueue(200, OK_STATUS);
        test.server.enqueue(throttled("1"));
        test.enqueue(200, OK_IMPORT);

        client.cancelFineTune("ft-1");
        client.deleteFineTune("ft-1");
        client.deleteImport("imp-1");

        assertThat(test.server.getRequestCount()).isEqualTo(6);
        assertThat(test.sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(250), Duration.ofSeconds(1));
    }

    @Test
    void cancelAndDelete_serverError_areNotRetried() {
        test.server.enqueue(internalError());
        test.server.enqueue(internalError());
        test.server.enqueue(internalError());

        assertThatThrownBy(() -> client.cancelFineTune("ft-1")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> client.deleteFineTune("ft-1")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> client.deleteImport("imp-1")).isInstanceOf(ApiException.class);
        assertThat(test.server.getRequestCount()).isEqualTo(3);
        assertThat(test.sleeper.waits()).isEmpty();
    }

    @Test
    void cancelAndDelete_resetAfterRequestSent_areNotRetried() {
        for (int i = 0; i < 3; i++) {
            test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        }
        test.enqueue(200, OK_STATUS);

        assertThatThrownBy(() -> client.cancelFineTune("ft-1")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.deleteFineTune("ft-1")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.deleteImport("imp-1")).isInstanceOf(IOException.class);
        assertThat(test.server.getRequestCount()).isEqualTo(3);
        assertThat(test.sleeper.waits()).isEmpty();
    }

    @Test
    void deleteFineTune_connectionRefused_isRetriedBecauseNothingWasSent() throws Exception {
        RefusingSocketFactory sockets = new RefusingSocketFactory(1);
        client.close();
        client = test.builder().okHttpClient(new okhttp3.OkHttpClient.Builder().socketFactory(sockets).build()).build();
        test.enqueue(200, OK_STATUS);

        client.deleteFineTune("ft-1");

        assertThat(sockets.refused()).isEqualTo(1);
        assertThat(test.server.getRequestCount()).isEqualTo(1);
        assertThat(test.sleeper.waits()).hasSize(1);
    }

    @Test
    void createImport_connectionRefused_isNotRetried() {
        RefusingSocketFactory sockets = new RefusingSocketFactory(1);
        client.close();
        client = test.builder().okHttpClient(new okhttp3.OkHttpClient.Builder().socketFactory(sockets).build()).build();
        test.enqueue(200, OK_IMPORT);

        assertThatThrownBy(() -> client.createImport(new CreateImportRequest("qwen3-32b", "lora", "b", "m/", null)))
                .isInstanceOf(ConnectException.class);
        assertThat(test.server.getRequestCount()).isZero();
    }

    @Test
    void backoff_growsToTheCap() {
        Retrier retrier = new Retrier(test.clock, test.sleeper, new MaxJitter(), 20,
                Duration.ofMinutes(5), Duration.ofMillis(250), Duration.ofSeconds(8));

        assertThat(retrier.backoff(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(retrier.backoff(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retrier.backoff(6)).isEqualTo(Duration.ofSeconds(8));
        assertThat(retrier.backoff(40)).isEqualTo(Duration.ofSeconds(8));
    }
}
