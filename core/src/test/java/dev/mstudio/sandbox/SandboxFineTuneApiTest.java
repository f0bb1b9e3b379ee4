package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static dev.mstudio.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.testkit.ManualClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxFineTuneApiTest {

    private final ManualClock clock = new ManualClock();
    private Sandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder().clock(clock).random(7).failureRate(0).maxActiveFineTunes(3).build().start();
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode create(String body) {
        SandboxHttp.Response response = http.post(FINE_TUNES, body);
        assertThat(response.status()).as(response.json().toString()).isEqualTo(200);
        return response.output();
    }

    @Test
    void create_minimalBody_returnsPendingJobWithDefaults() {
        JsonNode job = create(body("qwen3-14b"));

        Set<String> pendingFields = new HashSet<>(CANCELED_FIELDS);
        pendingFields.removeAll(Set.of("code", "end_time"));
        assertThat(fieldNames(job)).isEqualTo(pendingFields);
        String id = job.get("job_id").asText();
        assertThat(id).matches("ft-202410291653-[0-9a-f]{4}");
        assertThat(job.get("job_name").asText()).isEqualTo(id);
        assertThat(job.get("status").asText()).isEqualTo("PENDING");
        assertThat(job.get("model").asText()).isEqualTo("qwen3-14b");
        assertThat(job.get("base_model").asText()).isEqualTo("qwen3-14b");
        assertThat(job.get("training_type").asText()).isEqualTo("sft");
        assertThat(job.get("create_time").asText()).isEqualTo("2024-10-29 16:53:53");
        assertThat(job.get("group").asText()).isEqualTo("llm");
        assertThat(job.get("usage").asLong()).isZero();
        assertThat(job.get("validation_file_ids")).isEmpty();
        assertThat(fieldNames(job.get("hyper_parameters"))).isEqualTo(HYPER_FIELDS);
        assertThat(job.at("/hyper_parameters/learning_rate").isTextual()).isTrue();
        assertThat(job.get("creator").asText()).isEqualTo(job.get("user_identity").asText()).matches("\\d{16}");
    }

    @Test
    void create_fullBody_echoesHyperParametersAndWorkspace() {
        http.header("X-DashScope-WorkSpace", "llm-v71tlv123");
        String body = body("qwen3-8b", "validation_file_ids", List.of("v-1"), "training_type", "efficient_sft",
                "finetuned_output_suffix", "support",
                "hyper_parameters", Map.of("n_epochs", 2, "batch_size", "8", "learning_rate", 0.00003,
                        "lr_scheduler_type", "cosine", "split", 0.8, "lora_rank", 64));

        JsonNode job = create(body);

        JsonNode hyper = job.get("hyper_parameters");
        assertThat(hyper.get("n_epochs").asInt()).isEqualTo(2);
        assertThat(hyper.get("batch_size").asInt()).isEqualTo(8);
        assertThat(hyper.get("learning_rate").asText()).isEqualTo("3e-5");
        assertThat(hyper.get("lr_scheduler_type").asText()).isEqualTo("cosine");
        assertThat(hyper.get("split").asDouble()).isEqualTo(0.8);
        assertThat(hyper.get("lora_rank").asInt()).isEqualTo(64);
        assertThat(job.get("training_type").asText()).isEqualTo("efficient_sft");
        assertThat(job.get("validation_file_ids").get(0).asText()).isEqualTo("v-1");
        assertThat(job.get("workspace_id").asText()).isEqualTo("llm-v71tlv123");
    }

    @Test
    void create_learningRateString_isKeptAsGiven() {
        JsonNode job = create(body("qwen3-8b", "hyper_parameters", Map.of("learning_rate", "1.6e-5")));

        assertThat(job.at("/hyper_parameters/learning_rate").asText()).isEqualTo("1.6e-5");
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of(json("training_file_ids", List.of("f")), "model"),
                Arguments.of(json("model", "bad model!", "training_file_ids", List.of("f")), "model"),
                Arguments.of(json("model", "qwen3-8b"), "Missing training files"),
                Arguments.of(json("model", "qwen3-8b", "training_file_ids", List.of()), "Missing training files"),
                Arguments.of(json("model", "qwen3-8b", "training_file_ids", "f"), "training_file_ids"),
                Arguments.of(json("model", "qwen3-8b", "training_file_ids", List.of(1)), "training_file_ids"),
                Arguments.of(body("qwen3-8b", "validation_file_ids", "v"), "validation_file_ids"),
                Arguments.of(body("qwen3-8b", "training_type", "rlhf"), "training_type"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", List.of(1)), "hyper_parameters"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("n_epochs", 0)), "n_epochs"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("n_epochs", "many")), "n_epochs"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("n_epochs", 2.5)), "n_epochs"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("batch_size", 0)), "batch_size"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("max_length", 10_000_000)), "max_length"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("learning_rate", "fast")), "learning_rate"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("learning_rate", -1)), "learning_rate"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("lr_scheduler_type", "zigzag")), "lr_scheduler_type"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("split", 1.5)), "split"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("split", 0)), "split"),
                Arguments.of(body("qwen3-8b", "hyper_parameters", Map.of("extra", Map.of())), "extra"),
                Arguments.of(body("qwen3-8b", "finetuned_output_suffix", "no spaces!"), "finetuned_output_suffix"),
                Arguments.of("{", "not valid JSON"),
                Arguments.of("", "JSON object"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void create_invalidBody_isInvalidParameter(String body, String messagePart) {
        SandboxHttp.Response response = http.post(FINE_TUNES, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidParameter");
        assertThat(response.message()).contains(messagePart);
        assertThat(http.get(FINE_TUNES).output().get("total").asInt()).isZero();
    }

    @Test
    void create_missingTrainingFiles_saysSoExactly() {
        assertThat(http.post(FINE_TUNES, json("model", "qwen3-8b")).message()).isEqualTo("Missing training files");
    }

    @Test
    void create_sameSuffixSameModel_isConflict() {
        create(body("qwen3-14b", "finetuned_output_suffix", "support"));

        SandboxHttp.Response again = http.post(FINE_TUNES, body("qwen3-14b", "finetuned_output_suffix", "support"));
        SandboxHttp.Response otherModel = http.post(FINE_TUNES, body("qwen3-8b", "finetuned_output_suffix", "support"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("Conflict");
        assertThat(again.message()).isEqualTo("Model instance qwen3-14b-support already exists, please specify a suffix");
        assertThat(otherModel.status()).isEqualTo(200);
    }

    @Test
    void create_tooManyActive_isThrottledUntilOneEnds() {
        String first = create(body("qwen3-8b")).get("job_id").asText();
        create(body("qwen3-8b"));
        create(body("qwen3-8b"));

        SandboxHttp.Response throttled = http.post(FINE_TUNES, body("qwen3-8b"));
        http.post(FINE_TUNES + "/" + first + "/cancel", null);
        SandboxHttp.Response whileCanceling = http.post(FINE_TUNES, body("qwen3-8b"));
        clock.advance(Duration.ofMinutes(1));
        SandboxHttp.Response afterCancel = http.post(FINE_TUNES, body("qwen3-8b"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("Throttling");
        assertThat(throttled.message()).isEqualTo("Too many fine-tune jobs are running. Please retry later.");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches("\\d+"));
        assertThat(whileCanceling.status()).isEqualTo(429);
        assertThat(afterCancel.status()).isEqualTo(200);
    }

    @Test
    void create_fromFineTunedOutput_keepsOriginalBaseModel() {
        JsonNode job = create(body("qwen3-14b"));
        sandbox.forceStatus(job.get("job_id").asText(), "SUCCEEDED");
        String output = http.get(FINE_TUNES + "/" + job.get("job_id").asText()).output().get("finetuned_output").asText();

        JsonNode second = create(body(output));

        assertThat(output).isEqualTo("qwen3-14b-ft-" + job.get("job_id").asText());
        assertThat(second.get("model").asText()).isEqualTo(output);
        assertThat(second.get("base_model").asText()).isEqualTo("qwen3-14b");
    }

    @Test
    void get_unknownJob_isNotFound() {
        SandboxHttp.Response response = http.get(FINE_TUNES + "/ft-202410291653-0000");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NotFound");
        assertThat(fieldNames(response.json())).containsExactlyInAnyOrder("request_id", "code", "message");
    }

    @Test
    void list_pagesAndFilters_byModelAndStatus() {
        String a = create(body("qwen3-14b")).get("job_id").asText();
        clock.advance(Duration.ofSeconds(1));
        String b = create(body("qwen3-8b")).get("job_id").asText();
        clock.advance(Duration.ofSeconds(1));
        String c = create(body("qwen3-14b")).get("job_id").asText();
        sandbox.forceStatus(c, "RUNNING");

        JsonNode all = http.get(FINE_TUNES + "?page_size=2").output();
        JsonNode second = http.get(FINE_TUNES + "?page_size=2&page_no=2").output();
        JsonNode byModel = http.get(FINE_TUNES + "?model=qwen3-14b").output();
        JsonNode byBoth = http.get(FINE_TUNES + "?model=qwen3-14b&status=RUNNING").output();

        assertThat(fieldNames(all)).containsExactlyInAnyOrder("page_no", "page_size", "total", "jobs");
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(jobIds(all)).containsExactly(c, b);
        assertThat(jobIds(second)).containsExactly(a);
        assertThat(second.get("page_no").asInt()).isEqualTo(2);
        assertThat(jobIds(byModel)).containsExactly(c, a);
        assertThat(jobIds(byBoth)).containsExactly(c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page_no=0", "page_no=x", "page_size=0", "page_size=101", "page_size=-5"})
    void list_badPaging_isInvalidParameter(String query) {
        SandboxHttp.Response response = http.get(FINE_TUNES + "?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidParameter");
    }

    @Test
    void cancel_pendingJob_becomesCanceledWithCodeOne() {
        String id = create(body("qwen3-14b")).get("job_id").asText();
        clock.advance(Duration.ofSeconds(5));

        SandboxHttp.Response response = http.post(FINE_TUNES + "/" + id + "/cancel", null);
        clock.advance(Duration.ofHours(2));
        JsonNode job = http.get(FINE_TUNES + "/" + id).output();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.output()).isEqualTo(SandboxHttp.MAPPER.createObjectNode().put("status", "success"));
        assertThat(fieldNames(job)).isEqualTo(CANCELED_FIELDS);
        assertThat(job.get("status").asText()).isEqualTo("CANCELED");
        assertThat(job.get("code").asText()).isEqualTo("1");
        // CANCELING for 10 to 30 seconds after the request at 16:53:58, then CANCELED
        assertThat(job.get("end_time").asText()).isBetween("2024-10-29 16:54:08", "2024-10-29 16:54:28");
        assertThat(job.get("usage").asLong()).isZero();
    }

    @Test
    void cancel_finishedJob_isUnsupportedOperation() {
        String id = create(body("qwen3-14b")).get("job_id").asText();
        http.post(FINE_TUNES + "/" + id + "/cancel", null);

        SandboxHttp.Response again = http.post(FINE_TUNES + "/" + id + "/cancel", null);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("UnsupportedOperation");
        assertThat(again.message()).contains("CANCELING");
        assertThat(http.post(FINE_TUNES + "/ft-202410291653-0000/cancel", null).status()).isEqualTo(404);
    }

    @Test
    void delete_activeJob_isUnsupportedOperation() {
        String id = create(body("qwen3-14b")).get("job_id").asText();

        SandboxHttp.Response response = http.delete(FINE_TUNES + "/" + id);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("UnsupportedOperation");
        assertThat(http.get(FINE_TUNES + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void delete_finishedJob_succeedsThenGone() {
        String id = create(body("qwen3-14b")).get("job_id").asText();
        clock.advance(Duration.ofHours(2));

        SandboxHttp.Response response = http.delete(FINE_TUNES + "/" + id);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.output().get("status").asText()).isEqualTo("success");
        assertThat(http.get(FINE_TUNES + "/" + id).status()).isEqualTo(404);
        assertThat(http.delete(FINE_TUNES + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void get_succeededJob_matchesReferenceFields() {
        String id = create(body("qwen3-14b", "finetuned_output_suffix", "suffix")).get("job_id").asText();
        clock.advance(Duration.ofHours(2));

        JsonNode job = http.get(FINE_TUNES + "/" + id).output();

        assertThat(fieldNames(job)).isEqualTo(SUCCEEDED_FIELDS);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("finetuned_output").asText()).isEqualTo("qwen3-14b-suffix-" + id);
        assertThat(job.get("end_time").asText()).matches(TIME);
        assertThat(job.get("usage").asLong()).isPositive();
    }
}
