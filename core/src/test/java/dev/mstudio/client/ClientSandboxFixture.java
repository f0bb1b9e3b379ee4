package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.sandbox.control.RecordedRequest;
import dev.mstudio.testkit.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real client against a real sandbox on 127.0.0.1. Two fake clocks: the sandbox's, which
 * tests move to advance job lifecycles, and the client's, which only the fake sleeper moves
 * (retries never really sleep). Jitter is pinned to its maximum so backoff waits are exact.
 */
final class ClientSandboxFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2024-10-29T16:53:53Z");
    static final String KEY = "sk-sandbox-fixture-0123456789";
    static final String BUCKET = "my-model-bucket";
    static final long SEED = 20241029L;

    static final String LIST_IMPORTS = "GET /api/v1/custom_models/import";
    static final String CREATE_IMPORT = "POST /api/v1/custom_models/import";
    static final String GET_IMPORT = "GET /api/v1/custom_models/import/{job_id}";
    static final String DELETE_IMPORT = "DELETE /api/v1/custom_models/import/{job_id}";
    static final String LIST_FINETUNES = "GET /api/v1/fine-tunes";
    static final String CREATE_FINETUNE = "POST /api/v1/fine-tunes";
    static final String GET_FINETUNE = "GET /api/v1/fine-tunes/{job_id}";
    static final String DELETE_FINETUNE = "DELETE /api/v1/fine-tunes/{job_id}";
    static final String CANCEL_FINETUNE = "POST /api/v1/fine-tunes/{job_id}/cancel";
    static final String LOGS = "GET /api/v1/fine-tunes/{job_id}/logs";
    static final String CHECKPOINTS = "GET /api/v1/fine-tunes/{job_id}/checkpoints";

    private static final ObjectMapper JSON = new ObjectMapper();

    final ManualClock sandboxClock = new ManualClock(START);
    final ManualClock clientClock = new ManualClock(START);
    final FakeSleeper sleeper = new FakeSleeper(clientClock);
    final Sandbox sandbox;
    final DashScopeClient client;

    private ClientSandboxFixture(Consumer<Sandbox.Builder> sandboxSettings,
            Consumer<DashScopeClient.Builder> clientSettings) {
        Sandbox.Builder sandboxBuilder = Sandbox.builder().port(0).clock(sandboxClock).speed(1.0)
                .failureRate(0).random(SEED);
        sandboxSettings.accept(sandboxBuilder);
        this.sandbox = sandboxBuilder.build().start();
        DashScopeClient.Builder clientBuilder = clientBuilder(ClientConfig.of(sandbox.baseUrl(), KEY));
        clientSettings.accept(clientBuilder);
        this.client = clientBuilder.build();
    }

    /** A sandbox where nothing fails, and a default client. */
    static ClientSandboxFixture start() {
        return start(sandbox -> { }, client -> { });
    }

    static ClientSandboxFixture start(Consumer<Sandbox.Builder> sandboxSettings) {
        return start(sandboxSettings, client -> { });
    }

    static ClientSandboxFixture start(Consumer<Sandbox.Builder> sandboxSettings,
            Consumer<DashScopeClient.Builder> clientSettings) {
        return new ClientSandboxFixture(sandboxSettings, clientSettings);
    }

    /** A builder for another client of this sandbox, sharing the fake client clock and sleeper. */
    DashScopeClient.Builder clientBuilder(ClientConfig config) {
        return DashScopeClient.builder()
                .config(config)
                .clock(clientClock)
                .sleeper(sleeper)
                .random(new MaxJitter())
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        client.close();
        sandbox.close();
    }

    // ---- sandbox time ----

    void advance(Duration by) {
        sandboxClock.advance(by);
    }

    /**
     * Moves the sandbox clock in {@code step}s (up to {@code limit}), reading the job after each
     * step, and returns the distinct statuses seen in order, the first included, until a terminal one.
     */
    List<String> statusesUntilTerminal(JobReader reader, Duration step, Duration limit) throws IOException {
        List<String> seen = new ArrayList<>();
        Job job = reader.read();
        seen.add(job.status());
        for (Duration waited = Duration.ZERO; !job.terminal() && waited.compareTo(limit) < 0;
                waited = waited.plus(step)) {
            advance(step);
            job = reader.read();
            if (!job.status().equals(seen.get(seen.size() - 1))) {
                seen.add(job.status());
            }
        }
        return seen;
    }

    @FunctionalInterface
    interface JobReader {
        Job read() throws IOException;
    }

    // ---- requests ----

    static CreateImportRequest importRequest(String baseModel, String weightType, String displayName) {
        return new CreateImportRequest(baseModel, weightType, BUCKET,
                "models/" + baseModel + "-" + weightType + "/", displayName);
    }

    ImportJob createImport(String displayName) throws IOException {
        return client.createImport(importRequest("qwen3-32b", "lora", displayName));
    }

    static CreateFineTuneRequest fineTuneRequest(String model, String suffix) {
        return new CreateFineTuneRequest(model, List.of("976bd01a-f30b-4414-86fd-50c54486e3ef"), List.of(),
                null, null, suffix);
    }

    FineTuneJob createFineTune(String model, String suffix) throws IOException {
        return client.createFineTune(fineTuneRequest(model, suffix));
    }

    // ---- what the sandbox saw ----

    long count(String methodAndTemplate) {
        return sandbox.stats().count(methodAndTemplate);
    }

    long total() {
        return sandbox.stats().total();
    }

    RecordedRequest lastRequest() {
        List<RecordedRequest> last = sandbox.requests(1);
        assertThat(last).as("the sandbox recorded a request").hasSize(1);
        return last.get(0);
    }

    static JsonNode body(RecordedRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- errors ----

    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** The {@link ApiException} {@code call} throws; fails the test if it throws nothing or something else. */
    static ApiException apiError(Call call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected an ApiException, got " + e, e);
        }
        throw new AssertionError("expected an ApiException, but the call succeeded");
    }

    /**
     * Asserts the documented error shape: HTTP status, code, a message, and the request_id of the
     * sandbox's last answer (so the ID really came from that response).
     */
    ApiException assertApiError(ApiException e, int httpStatus, String code) {
        assertThat(e.httpStatus()).as("HTTP status of %s", e).isEqualTo(httpStatus);
        assertThat(e.code()).as("code of %s", e).isEqualTo(code);
        assertThat(e.getMessage()).as("message of %s", e).isNotBlank();
        assertThat(e.requestId()).as("request_id of %s", e).isNotBlank().isEqualTo(lastRequest().requestId());
        assertThat(lastRequest().status()).isEqualTo(httpStatus);
        assertThat(e.describe()).startsWith(code + ": ").contains("HTTP " + httpStatus, e.requestId());
        return e;
    }
}
