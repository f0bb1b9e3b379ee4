package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static dev.mstudio.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.sandbox.control.Faults;
import dev.mstudio.testkit.ManualClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxControlApiTest {

    private final ManualClock clock = new ManualClock();
    private Sandbox sandbox;
    private SandboxHttp http;
    private SandboxHttp control;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder().clock(clock).random(3).apiKey("sk-configured").build().start();
        http = new SandboxHttp(sandbox, "sk-configured");
        control = new SandboxHttp(sandbox, "sk-configured");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void stats_countByMethodAndTemplate_onlyApiRequests() {
        String id = http.post(IMPORTS, createBody("qwen3-32b", "x")).output().get("job_id").asText();
        http.get(IMPORTS);
        http.get(IMPORTS + "?page_size=5");
        http.get(IMPORTS + "/" + id);
        http.get(IMPORTS + "/unknown-id");
        http.get(FINE_TUNES + "/ft-1/logs?line=5");
        control.get("/_sandbox/faults");

        JsonNode stats = control.get("/_sandbox/stats").json();

        assertThat(stats.get("request_id").asText()).isNotBlank();
        assertThat(stats.get("total").asInt()).isEqualTo(6);
        assertThat(stats.get("requests")).isEqualTo(SandboxHttp.MAPPER.valueToTree(Map.of(
                "POST /api/v1/custom_models/import", 1,
                "GET /api/v1/custom_models/import", 2,
                "GET /api/v1/custom_models/import/{job_id}", 2,
                "GET /api/v1/fine-tunes/{job_id}/logs", 1)));
        assertThat(sandbox.stats().count("GET /api/v1/custom_models/import/{job_id}")).isEqualTo(2);
    }

    @Test
    void stats_delete_zeroesCounters() {
        http.get(IMPORTS);

        JsonNode cleared = control.delete("/_sandbox/stats").json();
        http.get(FINE_TUNES);

        assertThat(cleared.get("total").asInt()).isZero();
        assertThat(sandbox.stats().total()).isEqualTo(1);
        assertThat(sandbox.stats().requests()).containsOnlyKeys("GET /api/v1/fine-tunes");
    }

    @Test
    void stats_unauthorizedAndUnknownPaths_areCountedToo() {
        control.get("/api/v1/fine-tunes");
        http.get("/api/v1/nothing-here");

        assertThat(sandbox.stats().requests()).containsEntry("GET /api/v1/fine-tunes", 1L)
                .containsEntry("GET (unknown path)", 1L);
    }

    @Test
    void requests_recordWhatTheClientSent_butNeverTheKey() {
        http.header("X-DashScope-WorkSpace", "llm-workspace-1");
        http.post(FINE_TUNES, json("model", "qwen3-8b", "training_file_ids", List.of("f-1")));
        http.get(IMPORTS + "?page_no=2&status=RUNNING");

        SandboxHttp.Response response = control.get("/_sandbox/requests?limit=2");
        JsonNode requests = response.json().get("requests");

        assertThat(requests).hasSize(2);
        JsonNode post = requests.get(0);
        assertThat(post.get("method").asText()).isEqualTo("POST");
        assertThat(post.get("path").asText()).isEqualTo("/api/v1/fine-tunes");
        assertThat(post.get("template").asText()).isEqualTo("/api/v1/fine-tunes");
        assertThat(post.get("workspace").asText()).isEqualTo("llm-workspace-1");
        assertThat(post.get("has_authorization").asBoolean()).isTrue();
        assertThat(post.get("status").asInt()).isEqualTo(200);
        assertThat(post.at("/body/model").asText()).isEqualTo("qwen3-8b");
        JsonNode get = requests.get(1);
        assertThat(get.get("query").asText()).isEqualTo("page_no=2&status=RUNNING");
        assertThat(get.get("body").isNull()).isTrue();
        assertThat(response.json().toString()).doesNotContain("sk-configured");
        assertThat(sandbox.requests(10)).hasSize(2).allSatisfy(r -> assertThat(r.toString()).doesNotContain("sk-configured"));
    }

    @Test
    void requests_defaultLimitIsFiftyOldestFirst() {
        for (int i = 0; i < 60; i++) {
            http.get(IMPORTS + "?page_no=" + (i + 1));
        }

        JsonNode requests = control.get("/_sandbox/requests").json().get("requests");

        assertThat(requests).hasSize(50);
        assertThat(requests.get(0).get("query").asText()).isEqualTo("page_no=11");
        assertThat(requests.get(49).get("query").asText()).isEqualTo("page_no=60");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=many"})
    void requests_badLimit_isInvalidParameter(String query) {
        SandboxHttp.Response response = control.get("/_sandbox/requests?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidParameter");
    }

    @Test
    void seed_addsJobsOfBothKindsInActiveAndTerminalStatuses() {
        JsonNode seeded = control.post("/_sandbox/seed", json("imports", 40, "finetunes", 30, "active", 0.5)).json();

        assertThat(seeded.get("imports").asInt()).isEqualTo(40);
        assertThat(seeded.get("finetunes").asInt()).isEqualTo(30);
        assertThat(http.get(IMPORTS).output().get("total").asInt()).isEqualTo(40);
        assertThat(http.get(FINE_TUNES).output().get("total").asInt()).isEqualTo(30);
        int active = http.get(FINE_TUNES + "?status=RUNNING").output().get("total").asInt()
                + http.get(FINE_TUNES + "?status=PENDING").output().get("total").asInt();
        assertThat(active).isBetween(5, 25);
        assertThat(http.get(FINE_TUNES + "?status=SUCCEEDED").output().get("total").asInt()).isPositive();
    }

    @Test
    void seed_allActive_leavesNoTerminalJobs() {
        control.post("/_sandbox/seed", json("imports", 20, "active", 1.0));

        assertThat(http.get(IMPORTS + "?status=SUCCESSED").output().get("total").asInt()).isZero();
        assertThat(http.get(IMPORTS + "?status=FAILED").output().get("total").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"imports\": -1}", "{\"finetunes\": \"lots\"}", "{\"active\": 1.5}", "[1]", "{bad"})
    void seed_badInput_isInvalidParameter(String body) {
        SandboxHttp.Response response = control.post("/_sandbox/seed", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidParameter");
        assertThat(response.json().has("message")).isTrue();
    }

    @Test
    void reset_emptiesJobsStatsAndLog() {
        sandbox.seed(10, 10, 0.5);
        http.get(IMPORTS);

        SandboxHttp.Response response = control.post("/_sandbox/reset", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(sandbox.stats().total()).isZero();
        assertThat(sandbox.requests(10)).isEmpty();
        assertThat(http.get(IMPORTS).output().get("total").asInt()).isZero();
        assertThat(http.get(FINE_TUNES).output().get("total").asInt()).isZero();
    }

    @Test
    void faults_postThenGet_roundTripsAndReplacesAll() {
        control.post("/_sandbox/faults", json("latency_ms", 5, "error_rate", 0.25, "throttle_rate", 0.5, "stall_ms", 7));
        JsonNode first = control.get("/_sandbox/faults").json();
        control.post("/_sandbox/faults", json("latency_ms", 1));
        JsonNode second = control.get("/_sandbox/faults").json();

        assertThat(first.get("latency_ms").asInt()).isEqualTo(5);
        assertThat(first.get("error_rate").asDouble()).isEqualTo(0.25);
        assertThat(first.get("throttle_rate").asDouble()).isEqualTo(0.5);
        assertThat(first.get("stall_ms").asInt()).isEqualTo(7);
        assertThat(sandbox.faults()).isEqualTo(new Faults(1, 0, 0, 0));
        assertThat(second.get("error_rate").asDouble()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error_rate\": 2}", "{\"throttle_rate\": -0.1}", "{\"latency_ms\": -5}",
            "{\"stall_ms\": \"long\"}", "{\"latency_ms\": 99999999}", "[]"})
    void faults_badInput_isInvalidParameter(String body) {
        SandboxHttp.Response response = control.post("/_sandbox/faults", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidParameter");
        assertThat(sandbox.faults()).isEqualTo(Faults.NONE);
    }

    @Test
    void forceStatus_overHttp_changesTheJob() {
        String id = http.post(IMPORTS, createBody("qwen3-32b", "x")).output().get("job_id").asText();

        SandboxHttp.Response response = control.post("/_sandbox/jobs/" + id + "/status", json("status", "SUCCESSED"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("SUCCESSED");
        assertThat(http.get(IMPORTS + "/" + id).output().get("status").asText()).isEqualTo("SUCCESSED");
    }

    @Test
    void forceStatus_unknownJob_isNotFound() {
        SandboxHttp.Response response = control.post("/_sandbox/jobs/nope/status", json("status", "RUNNING"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NotFound");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"status\": 3}", "{\"status\": \"\"}", "", "nope"})
    void forceStatus_badBody_isInvalidParameter(String body) {
        String id = http.post(IMPORTS, createBody("qwen3-32b", "x")).output().get("job_id").asText();

        SandboxHttp.Response response = control.post("/_sandbox/jobs/" + id + "/status", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidParameter");
    }

    @Test
    void control_unknownPathOrMethod_isAnsweredWithErrorBody() {
        SandboxHttp.Response missing = control.get("/_sandbox/nothing");
        SandboxHttp.Response wrongMethod = control.send("PUT", "/_sandbox/stats", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NotFound");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo("UnsupportedOperation");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, DELETE");
    }
}
