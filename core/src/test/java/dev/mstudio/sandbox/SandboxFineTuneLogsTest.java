package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.testkit.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxFineTuneLogsTest {

    private final ManualClock clock = new ManualClock();
    private Sandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder().clock(clock).random(8).failureRate(0).build().start();
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode create(String body) {
        return http.post(FINE_TUNES, body).output();
    }

    @Test
    void logs_pagingParameters_sliceTheLog() {
        String id = create(body("qwen3-14b")).get("job_id").asText();
        clock.advance(Duration.ofHours(2));

        JsonNode all = http.get(FINE_TUNES + "/" + id + "/logs?line=1000").output();
        JsonNode slice = http.get(FINE_TUNES + "/" + id + "/logs?offset=2&line=3").output();
        JsonNode defaults = http.get(FINE_TUNES + "/" + id + "/logs").output();
        JsonNode beyond = http.get(FINE_TUNES + "/" + id + "/logs?offset=100000").output();

        int total = all.get("total").asInt();
        assertThat(fieldNames(all)).containsExactlyInAnyOrder("total", "logs");
        assertThat(all.get("logs")).hasSize(total);
        assertThat(slice.get("total").asInt()).isEqualTo(total);
        assertThat(slice.get("logs")).containsExactly(all.get("logs").get(2), all.get("logs").get(3), all.get("logs").get(4));
        assertThat(defaults.get("logs")).hasSize(Math.min(100, total));
        assertThat(beyond.get("logs")).isEmpty();
        assertThat(all.get("logs").get(0).asText()).startsWith("[2024-10-29 16:53:53] Fine-tune job " + id);
        assertThat(all.get("logs").get(total - 2).asText()).contains("is ready. Usage:");
        assertThat(all.get("logs").get(total - 1).asText()).endsWith("##FT_COMPLETE##");
    }

    @ParameterizedTest
    @ValueSource(strings = {"line=0", "line=1001", "line=x", "offset=-1", "offset=y"})
    void logs_badParameters_isInvalidParameter(String query) {
        String id = create(body("qwen3-14b")).get("job_id").asText();

        SandboxHttp.Response response = http.get(FINE_TUNES + "/" + id + "/logs?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidParameter");
        assertThat(response.message()).contains(query.substring(0, query.indexOf('=')));
    }

    @Test
    void logs_unknownJob_isNotFound() {
        assertThat(http.get(FINE_TUNES + "/ft-202410291653-0000/logs").code()).isEqualTo("NotFound");
        assertThat(http.get(FINE_TUNES + "/ft-202410291653-0000/checkpoints").code()).isEqualTo("NotFound");
    }

    @Test
    void checkpoints_finishedJob_onePerEpoch() {
        String id = create(body("qwen3-14b", "hyper_parameters", Map.of("n_epochs", 4))).get("job_id").asText();
        clock.advance(Duration.ofHours(3));

        JsonNode checkpoints = http.get(FINE_TUNES + "/" + id + "/checkpoints").output();

        assertThat(checkpoints.isArray()).isTrue();
        assertThat(checkpoints).hasSize(4);
        JsonNode first = checkpoints.get(0);
        assertThat(fieldNames(first)).contains("checkpoint_id", "checkpoint", "create_time", "status", "step", "model_name");
        assertThat(first.get("checkpoint").asText()).isEqualTo("checkpoint-" + first.get("step").asInt());
        assertThat(first.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(first.get("create_time").asText()).matches(TIME);
        assertThat(checkpoints.get(3).get("step").asInt()).isEqualTo(4 * first.get("step").asInt());
    }
}
