package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a person reads when the network or the service misbehaves: the host and the reason in
 * words (never a Java class name), bounded bodies, and "Unexpected response from DashScope" for
 * answers the contract forbids, never a job without an ID.
 */
class ClientHonestFailureTest {
    private final TestServer test = new TestServer();

    @AfterEach
    void tearDown() throws IOException {
        test.close();
    }

    private String host() {
        return test.server.getHostName() + ":" + test.server.getPort();
    }

    @Test
    void connectionRefused_namesTheHostAndTheReason() throws IOException {
        DashScopeClient client = test.builder().maxAttempts(1).build();
        test.server.shutdown();

        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .isInstanceOf(ConnectException.class)
                .hasMessage("Cannot reach " + host() + ": connection refused");
    }

    @Test
    void unknownHost_saysTheNameDoesNotResolve() {
        OkHttpClient noDns = new OkHttpClient.Builder().dns(name -> {
            throw new UnknownHostException(name);
        }).build();
        DashScopeClient client = DashScopeClient.builder().okHttpClient(noDns).maxAttempts(1)
                .config(ClientConfig.of("https://dashscope.invalid/api/v1", TestServer.KEY)).build();

        assertThatThrownBy(() -> client.getFineTune("ft-1"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessage("Cannot reach dashscope.invalid: unknown host (the name does not resolve)");
    }

    @Test
    void readTimeout_saysTimedOutAfterTheConfiguredSeconds() {
        test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        DashScopeClient client = test.builder().maxAttempts(1).readTimeout(Duration.ofSeconds(1)).build();

        assertThatThrownBy(() -> client.getImport("imp-1"))
                .isInstanceOf(SocketTimeoutException.class)
                .hasMessage(host() + " did not answer: timed out after 1 s");
    }

    @Test
    void callTimeout_saysTimedOutAfterTheWholeCallBound() {
        test.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        DashScopeClient client = test.builder().maxAttempts(1).callTimeout(Duration.ofMillis(500)).build();

        assertThatThrownBy(() -> client.getImport("imp-1"))
                .isInstanceOf(SocketTimeoutException.class)
                .hasMessage(host() + " did not answer: timed out after 500 ms (the whole call)");
    }

    @Test
    void bodyOverTheCap_declaredLength_isRefusedInOneLine() {
        test.enqueue(200, "{\"output\":{\"list\":[]},\"pad\":\"" + "x".repeat(2000) + "\"}");
        DashScopeClient client = test.builder().maxAttempts(1).maxBodyBytes(1024).build();

        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Unexpected response from DashScope: the body is larger than 1024 bytes");
    }

    @Test
    void bodyOverTheCap_chunked_isRefusedWithoutReadingItAll() {
        Buffer big = new Buffer().writeUtf8("{\"output\":{\"list\":[],\"pad\":\"");
        big.writeUtf8("x".repeat(64 * 1024)).writeUtf8("\"}}");
        test.server.enqueue(new MockResponse().setChunkedBody(big, 4096));
        DashScopeClient client = test.builder().maxAttempts(1).maxBodyBytes(8192).build();

        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("the body is larger than 8192 bytes");
    }

    @Test
    void endlessBody_isRefusedAtSixteenMegabytes() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AtomicLong sent = new AtomicLong();
            Thread server = new Thread(() -> streamZeros(listener, sent, 64L << 20), "endless-body");
            server.setDaemon(true);
            server.start();
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/api/v1";
            DashScopeClient client = DashScopeClient.builder().maxAttempts(1)
                    .config(ClientConfig.of(url, TestServer.KEY)).build();

            assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                    .isInstanceOf(ApiException.class)
                    .hasMessageStartingWith("Unexpected response from DashScope: the body is larger than 16 MB");
            server.join(10_000);
            assertThat(sent.get()).isLessThan(64L << 20);
        }
    }

    /** Answers one request with a chunk-less body of zeros, up to {@code limit} bytes or until the client hangs up. */
    private static void streamZeros(ServerSocket listener, AtomicLong sent, long limit) {
        try (Socket socket = listener.accept(); OutputStream out = socket.getOutputStream()) {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] zeros = new byte[64 * 1024];
            while (sent.get() < limit) {
                out.write(zeros);
                sent.addAndGet(zeros.length);
            }
        } catch (IOException clientHungUp) {
            // expected: the client stops reading past its cap
        }
    }

    @Test
    void getImport_withoutJobId_isUnexpectedNotAJobWithoutId() {
        test.enqueue(200, "{\"request_id\":\"r-1\",\"output\":{\"status\":\"RUNNING\",\"model_name\":\"m\"}}");
        DashScopeClient client = test.client();

        assertThatThrownBy(() -> client.getImport("imp-1"))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Unexpected response from DashScope: the import job has no job_id");
    }

    @Test
    void listImports_listNull_isUnexpectedNotAnEmptyPage() {
        test.enqueue(200, "{\"request_id\":\"r-1\",\"output\":{\"total\":3,\"list\":null}}");
        DashScopeClient client = test.client();

        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Unexpected response from DashScope: \"list\" is null, not a list of jobs");
    }

    @Test
    void listFineTunes_wrongTypes_areUnexpected() {
        test.enqueue(200, "{\"output\":{\"jobs\":[{\"job_id\":\"ft-1\",\"status\":{\"x\":1}}]}}");
        test.enqueue(200, "{\"output\":{\"jobs\":[{\"job_id\":[\"ft-1\"]}]}}");
        test.enqueue(200, "{\"output\":{\"total\":\"lots\",\"jobs\":[]}}");
        test.enqueue(200, "{\"output\":{\"jobs\":\"ft-1\"}}");
        DashScopeClient client = test.client();

        assertThatThrownBy(() -> client.listFineTunes(FineTuneQuery.all()))
                .hasMessageStartingWith("Unexpected response from DashScope: jobs[0] (job ft-1) has a status that is not text");
        assertThatThrownBy(() -> client.listFineTunes(FineTuneQuery.all()))
                .hasMessageStartingWith("Unexpected response from DashScope: jobs[0] has no job_id");
        assertThatThrownBy(() -> client.listFineTunes(FineTuneQuery.all()))
                .hasMessageStartingWith("Unexpected response from DashScope: \"total\" is not a count (\"lots\")");
        assertThatThrownBy(() -> client.listFineTunes(FineTuneQuery.all()))
                .hasMessageStartingWith("Unexpected response from DashScope: \"jobs\" is STRING, not a list of jobs");
    }

    @Test
    void unexpectedResponse_describe_saysNoErrorTwiceAndNoStatusTwice() {
        test.enqueue(200, "{\"request_id\":\"r-7\",\"output\":{\"list\":[{\"status\":\"RUNNING\"}]}}");
        DashScopeClient client = test.client();

        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.describe())
                        .startsWith("Unexpected response from DashScope: list[0] has no job_id")
                        .endsWith("(request_id r-7)")
                        .doesNotContain("Error:")
                        .containsOnlyOnce("HTTP 200"));
    }

    @Test
    void baseUrlWithUserinfoAndQuery_isNeverShown() {
        String base = "http://ops:hunter2@" + host() + "/api/v1?token=t0ps3cret";
        test.enqueue(200, "");
        DashScopeClient client = DashScopeClient.builder().maxAttempts(1).config(ClientConfig.of(base, TestServer.KEY)).build();

        assertThat(client.baseUrl()).isEqualTo("http://" + host() + "/api/v1");
        assertThat(client.toString()).doesNotContain("hunter2", "t0ps3cret");
        assertThat(ClientConfig.of(base, TestServer.KEY).toString()).doesNotContain("hunter2", "t0ps3cret");
        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("t0ps3cret");
    }
}
