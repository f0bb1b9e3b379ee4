package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxLifecycleTest {

    private final ManualClock clock = new ManualClock();
    private Sandbox sandbox;
    private SandboxHttp http;

    private void start(double failureRate, double speed) {
        sandbox = Sandbox.builder().clock(clock).random(11).failureRate(failureRate).speed(speed).build().start();
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String importStatus(String id) {
        return http.get(IMPORTS + "/" + id).output().get("status").asText();
    }

    private JsonNode fineTune(String id) {
        return http.get(FINE_TUNES + "/" + id).output();
    }

    @Test
    void importJob_advancesOnTheClock_toSuccessed() {
        start(0, 1);
        String id = http.post(IMPORTS, createBody("qwen3-32b", "x")).output().get("job_id").asText();

        String pending = importStatus(id);
        clock.advance(Duration.ofSeconds(41));
        String running = importStatus(id);
        clock.advance(Duration.ofMinutes(13));
        JsonNode done = http.get(IMPORTS + "/" + id).output();

        assertThat(List.of(pending, running, done.get("status").asText()))
                .containsExactly("PENDING", "RUNNING", "SUCCESSED");
        assertThat(done.has("error_code")).isFalse();
    }

    @Test
    void importJob_withFailureRateOne_failsWithErrorCode() {
        start(1, 1);
        String id = http.post(IMPORTS, createBody("qwen3-32b", "x")).output().get("job_id").asText();

        clock.advance(Duration.ofMinutes(15));
        JsonNode done = http.get(IMPORTS + "/" + id).output();

        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("error_code").asText()).isNotBlank();
    }

    @Test
    void importJob_atSpeedSixty_finishesWithinFifteenSeconds() {
        start(0, 60);
        String id = http.post(IMPORTS, createBody("qwen3-32b", "x")).output().get("job_id").asText();

        clock.advance(Duration.ofSeconds(15));

        assertThat(importStatus(id)).isEqualTo("SUCCESSED");
    }

    @Test
    void fineTune_advancesOnTheClock_withGrowingLogsAndCheckpoints() {
        start(0, 1);
        String id = http.post(FINE_TUNES, body("qwen3-14b", "hyper_parameters", Map.of("n_epochs", 2)))
                .output().get("job_id").asText();
        List<String> statuses = new ArrayList<>();
        List<Integer> logTotals = new ArrayList<>();
        List<Integer> checkpointCounts = new ArrayList<>();

        for (int minute = 0; minute <= 16; minute++) {
            statuses.add(fineTune(id).get("status").asText());
            logTotals.add(http.get(FINE_TUNES + "/" + id + "/logs").output().get("total").asInt());
            checkpointCounts.add(http.get(FINE_TUNES + "/" + id + "/checkpoints").output().size());
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(statuses.get(0)).isEqualTo("PENDING");
        assertThat(statuses).contains("RUNNING").last().isEqualTo("SUCCEEDED");
        assertThat(logTotals).isSorted();
        assertThat(logTotals.get(0)).isEqualTo(1);
        assertThat(new HashSet<>(logTotals).size()).isGreaterThan(3);
        assertThat(checkpointCounts).isSorted().startsWith(0).endsWith(2);
        JsonNode done = fineTune(id);
        assertThat(done.get("usage").asLong()).isPositive();
        assertThat(done.get("finetuned_output").asText()).isEqualTo("qwen3-14b-ft-" + id);
    }

    @Test
    void fineTune_withFailureRateOne_failsWithCodeAndMessage() {
        start(1, 1);
        String id = http.post(FINE_TUNES, body("qwen3-14b")).output().get("job_id").asText();

        clock.advance(Duration.ofHours(1));
        JsonNode job = fineTune(id);
        JsonNode logs = http.get(FINE_TUNES + "/" + id + "/logs").output().get("logs");

        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("code").asText()).isNotBlank().isNotEqualTo("1");
        assertThat(job.get("message").asText()).isNotBlank();
        assertThat(job.has("end_time")).isTrue();
        assertThat(job.has("finetuned_output")).isFalse();
        assertThat(job.get("usage").asLong()).isZero();
        assertThat(logs.get(logs.size() - 1).asText()).endsWith("Job failed.");
        assertThat(logs.get(logs.size() - 2).asText()).contains(job.get("message").asText());
    }

    @Test
    void forceStatus_unknownStatus_freezesTheJob() {
        start(0, 1);
        String id = http.post(FINE_TUNES, body("qwen3-14b")).output().get("job_id").asText();

        boolean forced = sandbox.forceStatus(id, "QUEUING");
        clock.advance(Duration.ofHours(5));
        JsonNode job = fineTune(id);
        JsonNode filtered = http.get(FINE_TUNES + "?status=QUEUING").output();
        SandboxHttp.Response cancel = http.post(FINE_TUNES + "/" + id + "/cancel", null);

        assertThat(forced).isTrue();
        assertThat(job.get("status").asText()).isEqualTo("QUEUING");
        assertThat(job.has("end_time")).isFalse();
        assertThat(filtered.get("total").asInt()).isEqualTo(1);
        assertThat(cancel.status()).isEqualTo(200);
    }

    @Test
    void forceStatus_terminal_setsEndTimeAndOutcomeFields() {
        start(0, 1);
        String ft = http.post(FINE_TUNES, body("qwen3-14b")).output().get("job_id").asText();
        String imp = http.post(IMPORTS, createBody("qwen3-32b", "x")).output().get("job_id").asText();
        clock.advance(Duration.ofSeconds(10));

        sandbox.forceStatus(ft, "FAILED");
        sandbox.forceStatus(imp, "FAILED");
        clock.advance(Duration.ofHours(1));
        JsonNode fineTune = fineTune(ft);
        JsonNode imported = http.get(IMPORTS + "/" + imp).output();

        assertThat(fineTune.get("status").asText()).isEqualTo("FAILED");
        assertThat(fineTune.get("end_time").asText()).isEqualTo("2024-10-29 16:54:03");
        assertThat(fineTune.get("message").asText()).isNotBlank();
        assertThat(imported.get("status").asText()).isEqualTo("FAILED");
        assertThat(imported.get("error_code").asText()).isNotBlank();
        assertThat(http.delete(IMPORTS + "/" + imp).status()).isEqualTo(200);
    }

    @Test
    void forceStatus_unknownJob_returnsFalse() {
        start(0, 1);

        assertThat(sandbox.forceStatus("nope", "RUNNING")).isFalse();
    }

    private Set<String> statuses(String path, String field) {
        Set<String> out = new HashSet<>();
        http.get(path).output().get(field).forEach(job -> out.add(job.get("status").asText()));
        return out;
    }

    private List<String> ids(String path, String field) {
        List<String> out = new ArrayList<>();
        http.get(path).output().get(field).forEach(job -> out.add(job.get("job_id").asText()));
        return out;
    }
}
