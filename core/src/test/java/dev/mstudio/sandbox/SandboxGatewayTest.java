package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.sandbox.control.Faults;
import dev.mstudio.testkit.ManualClock;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxGatewayTest {

    private Sandbox sandbox;

    private Sandbox start(String apiKey) {
        sandbox = Sandbox.builder().clock(new ManualClock()).random(5).apiKey(apiKey).build().start();
        return sandbox;
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void auth_configuredKey_acceptsOnlyThatKey() {
        start("sk-right");

        SandboxHttp.Response right = new SandboxHttp(sandbox, "sk-right").get(IMPORTS);
        SandboxHttp.Response wrong = new SandboxHttp(sandbox, "sk-wrong").get(IMPORTS);
        SandboxHttp.Response missing = new SandboxHttp(sandbox, null).get(IMPORTS);
        SandboxHttp.Response empty = new SandboxHttp(sandbox, "").get(IMPORTS);
        SandboxHttp.Response basic = new SandboxHttp(sandbox, null).header("Authorization", "Basic sk-right").get(IMPORTS);

        assertThat(right.status()).isEqualTo(200);
        for (SandboxHttp.Response denied : List.of(wrong, missing, empty, basic)) {
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.code()).isEqualTo("InvalidApiKey");
            assertThat(denied.message()).isEqualTo("Invalid API-key provided.");
            assertThat(denied.json().toString()).doesNotContain("sk-");
        }
    }

    @Test
    void auth_noConfiguredKey_acceptsAnyBearerKeyButRequiresOne() {
        start(null);

        assertThat(new SandboxHttp(sandbox, "anything").get(FINE_TUNES).status()).isEqualTo(200);
        assertThat(new SandboxHttp(sandbox, null).get(FINE_TUNES).code()).isEqualTo("InvalidApiKey");
        assertThat(new SandboxHttp(sandbox, null).get("/_sandbox/stats").status()).isEqualTo(200);
    }

    @Test
    void routing_unknownPath_isNotFound() {
        start(null);
        SandboxHttp http = new SandboxHttp(sandbox);

        SandboxHttp.Response api = http.get("/api/v1/models");
        SandboxHttp.Response outside = http.get("/index.html");

        assertThat(api.status()).isEqualTo(404);
        assertThat(api.code()).isEqualTo("NotFound");
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.code()).isEqualTo("NotFound");
    }

    @Test
    void routing_wrongMethod_isUnsupportedOperationWithAllow() {
        start(null);
        SandboxHttp http = new SandboxHttp(sandbox);

        SandboxHttp.Response put = http.send("PUT", IMPORTS + "/some-id", "{}");
        SandboxHttp.Response getCancel = http.get(FINE_TUNES + "/ft-1/cancel");

        assertThat(put.status()).isEqualTo(405);
        assertThat(put.code()).isEqualTo("UnsupportedOperation");
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, DELETE");
        assertThat(getCancel.code()).isEqualTo("UnsupportedOperation");
        assertThat(sandbox.stats().requests()).containsEntry("PUT /api/v1/custom_models/import/{job_id}", 1L);
    }

    @Test
    void faults_errorRateOne_answersInternalErrorWithoutSideEffects() {
        start(null).faults(new Faults(0, 1.0, 0, 0));
        SandboxHttp http = new SandboxHttp(sandbox);

        SandboxHttp.Response create = http.post(FINE_TUNES, body("qwen3-8b"));
        SandboxHttp.Response control = http.get("/_sandbox/faults");
        sandbox.faults(Faults.NONE);

        assertThat(create.status()).isEqualTo(500);
        assertThat(create.code()).isEqualTo("InternalError");
        assertThat(control.status()).isEqualTo(200);
        assertThat(http.get(FINE_TUNES).output().get("total").asInt()).isZero();
    }

    @Test
    void faults_throttleRateOne_answers429WithRetryAfter() {
        start(null).faults(new Faults(0, 0, 1.0, 0));

        SandboxHttp.Response response = new SandboxHttp(sandbox).get(IMPORTS);

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.code()).isEqualTo("Throttling");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void faults_partialErrorRate_failsSomeRequests() {
        start(null).faults(new Faults(0, 0.5, 0, 0));
        SandboxHttp http = new SandboxHttp(sandbox);

        Set<Integer> statuses = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(http.get(IMPORTS).status());
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 500);
    }

    @Test
    void faults_latency_outlastsAShortClientTimeout() {
        start(null).faults(new Faults(3_000, 0, 0, 0));

        CompletableFuture<HttpResponse<String>> call = new SandboxHttp(sandbox).sendAsync("GET", IMPORTS, Duration.ofMillis(200));

        assertThatThrownBy(call::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void faults_stall_holdsApiRequestsButNotControls() {
        start(null).faults(new Faults(0, 0, 0, 3_000));
        SandboxHttp http = new SandboxHttp(sandbox);
        List<CompletableFuture<HttpResponse<String>>> stalled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stalled.add(http.sendAsync("GET", IMPORTS, Duration.ofMillis(300)));
        }

        SandboxHttp.Response control = http.get("/_sandbox/faults");

        assertThat(control.status()).isEqualTo(200);
        assertThat(control.json().get("stall_ms").asInt()).isEqualTo(3_000);
        for (CompletableFuture<HttpResponse<String>> call : stalled) {
            assertThatThrownBy(call::get).hasCauseInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void concurrency_parallelCreates_allSucceedWithUniqueIds() throws Exception {
        start(null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            String path = i % 2 == 0 ? FINE_TUNES : IMPORTS;
            String json = i % 2 == 0 ? body("qwen3-8b") : createBody("qwen3-32b", "x");
            ids.add(pool.submit(() -> new SandboxHttp(sandbox).post(path, json).output().get("job_id").asText()));
        }
        Set<String> unique = new HashSet<>();
        for (Future<String> id : ids) {
            unique.add(id.get());
        }
        pool.shutdown();

        assertThat(unique).hasSize(160);
        assertThat(sandbox.stats().total()).isEqualTo(160);
        assertThat(new SandboxHttp(sandbox).get(FINE_TUNES).output().get("total").asInt()).isEqualTo(80);
    }

    @Test
    void start_twice_isRejected() {
        start(null);

        assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class);
        assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/v1");
        assertThat(sandbox.root().toString()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/");
    }
}
