package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static dev.mstudio.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.testkit.ManualClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxImportApiTest {


    private final ManualClock clock = new ManualClock();
    private Sandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder().clock(clock).random(42).failureRate(0).build().start();
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode create() {
        SandboxHttp.Response response = http.post(IMPORTS, createBody("qwen3-32b", "My LoRA-tuned model"));
        assertThat(response.status()).isEqualTo(200);
        return response.output();
    }

    @Test
    void create_validBody_returnsPendingJobWithWeightType() {
        SandboxHttp.Response response = http.post(IMPORTS, createBody("qwen3-32b", "My LoRA-tuned model"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("request_id").asText()).matches(UUID);
        JsonNode job = response.output();
        assertThat(fieldNames(job)).containsExactlyInAnyOrder("job_id", "model_name", "display_name", "source",
                "weight_type", "storage_info", "status", "gmt_create");
        assertThat(job.get("job_id").asText()).matches(UUID);
        assertThat(job.get("model_name").asText()).matches("qwen3-32b-offline-20241029-[a-z0-9]{4}");
        assertThat(job.get("display_name").asText()).isEqualTo("My LoRA-tuned model");
        assertThat(job.get("source").asText()).isEqualTo("OSS");
        assertThat(job.get("weight_type").asText()).isEqualTo("lora");
        assertThat(job.get("status").asText()).isEqualTo("PENDING");
        assertThat(job.get("gmt_create").asText()).isEqualTo("2024-10-29T16:53:53.000+00:00");
        assertThat(job.at("/storage_info/bucket_name").asText()).isEqualTo("my-model-bucket");
        assertThat(job.at("/storage_info/object_key").asText()).isEqualTo("models/qwen3-32b-lora/");
    }

    @Test
    void create_withoutDisplayName_defaultsToBaseModel() {
        String body = json("model_name", "qwen2.5-7b-instruct", "source", "OSS", "weight_type", "FULL",
                "storage_info", Map.of("bucket_name", "my-model-bucket", "object_key", "m/"));

        JsonNode job = http.post(IMPORTS, body).output();

        assertThat(job.get("display_name").asText()).isEqualTo("qwen2.5-7b-instruct");
        assertThat(job.get("weight_type").asText()).isEqualTo("full");
    }

    @Test
    void create_unsupportedBaseModel_isNotFound() {
        SandboxHttp.Response response = http.post(IMPORTS, createBody("qwen-max", "x"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NotFound");
        assertThat(response.message()).contains("qwen-max does not support import");
    }

    static Stream<Arguments> invalidCreateBodies() {
        Map<String, Object> storage = Map.of("bucket_name", "my-model-bucket", "object_key", "models/x/");
        return Stream.of(
                Arguments.of(json("display_name", "x", "source", "oss", "weight_type", "lora", "storage_info", storage), "model_name"),
                Arguments.of(json("model_name", 7, "source", "oss", "weight_type", "lora", "storage_info", storage), "model_name"),
                Arguments.of(json("model_name", "qwen3-32b", "display_name", "x".repeat(51), "source", "oss",
                        "weight_type", "lora", "storage_info", storage), "display_name"),
                Arguments.of(json("model_name", "qwen3-32b", "weight_type", "lora", "storage_info", storage), "source"),
                Arguments.of(json("model_name", "qwen3-32b", "source", "http", "weight_type", "lora", "storage_info", storage), "source"),
                Arguments.of(json("model_name", "qwen3-32b", "source", "oss", "storage_info", storage), "weight_type"),
                Arguments.of(json("model_name", "qwen3-32b", "source", "oss", "weight_type", "half", "storage_info", storage), "weight_type"),
                Arguments.of(json("model_name", "qwen3-32b", "source", "oss", "weight_type", "lora"), "storage_info"),
                Arguments.of(json("model_name", "qwen3-32b", "source", "oss", "weight_type", "lora", "storage_info", "oss://b/k/"), "storage_info"),
                Arguments.of(json("model_name", "qwen3-32b", "source", "oss", "weight_type", "lora",
                        "storage_info", Map.of("object_key", "models/x/")), "storage_info.bucket_name"),
                Arguments.of(json("model_name", "qwen3-32b", "source", "oss", "weight_type", "lora",
                        "storage_info", Map.of("bucket_name", "Bad_Bucket", "object_key", "models/x/")), "storage_info.bucket_name"),
                Arguments.of(json("model_name", "qwen3-32b", "source", "oss", "weight_type", "lora",
                        "storage_info", Map.of("bucket_name", "my-model-bucket")), "storage_info.object_key"),
                Arguments.of(json("model_name", "qwen3-32b", "source", "oss", "weight_type", "lora",
                        "storage_info", Map.of("bucket_name", "my-model-bucket", "object_key", "models/x")), "end with /"),
                Arguments.of(json("model_name", "qwen3-32b", "source", "oss", "weight_type", "lora",
                        "storage_info", Map.of("bucket_name", "my-model-bucket", "object_key", "/")), "bucket root"),
                Arguments.of("[1, 2]", "JSON object"),
                Arguments.of("", "JSON object"),
                Arguments.of("{\"model_name\": ", "not valid JSON"));
    }

    @ParameterizedTest
    @MethodSource("invalidCreateBodies")
    void create_invalidBody_isInvalidParameter(String body, String messagePart) {
        SandboxHttp.Response response = http.post(IMPORTS, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidParameter");
        assertThat(response.message()).contains(messagePart);
        assertThat(fieldNames(response.json())).containsExactlyInAnyOrder("request_id", "code", "message");
        assertThat(sandbox.requests(1).get(0).status()).isEqualTo(400);
    }

    @Test
    void get_existingJob_omitsWeightType() {
        String id = create().get("job_id").asText();

        SandboxHttp.Response response = http.get(IMPORTS + "/" + id);

        assertThat(response.status()).isEqualTo(200);
        assertThat(fieldNames(response.output())).isEqualTo(LISTED_FIELDS);
        assertThat(response.output().get("job_id").asText()).isEqualTo(id);
    }

    @Test
    void get_unknownJob_isNotFound() {
        SandboxHttp.Response response = http.get(IMPORTS + "/937b0000-2a4f-0000-8abe-c2fa00000000");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NotFound");
    }

    @Test
    void list_emptyWorkspace_returnsDefaultsAndEmptyList() {
        JsonNode output = http.get(IMPORTS).output();

        assertThat(fieldNames(output)).containsExactlyInAnyOrder("total", "page_no", "page_size", "list");
        assertThat(output.get("total").asInt()).isZero();
        assertThat(output.get("page_no").asInt()).isEqualTo(1);
        assertThat(output.get("page_size").asInt()).isEqualTo(10);
        assertThat(output.get("list")).isEmpty();
    }

    @Test
    void list_pages_newestFirstWithTotals() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, create().get("job_id").asText());
            clock.advance(Duration.ofSeconds(1));
        }

        JsonNode first = http.get(IMPORTS + "?page_no=1&page_size=2").output();
        JsonNode third = http.get(IMPORTS + "?page_no=3&page_size=2").output();
        JsonNode beyond = http.get(IMPORTS + "?page_no=4&page_size=2").output();

        assertThat(first.get("total").asInt()).isEqualTo(5);
        assertThat(jobIds(first)).containsExactly(ids.get(0), ids.get(1));
        assertThat(jobIds(third)).containsExactly(ids.get(4));
        assertThat(beyond.get("list")).isEmpty();
        assertThat(beyond.get("total").asInt()).isEqualTo(5);
        first.get("list").forEach(job -> assertThat(fieldNames(job)).isEqualTo(LISTED_FIELDS));
    }

    @Test
    void list_seededJobs_areSortedByCreateTimeDescending() {
        sandbox.seed(60, 0, 0.5);

        JsonNode list = http.get(IMPORTS + "?page_size=100").output().get("list");

        List<OffsetDateTime> times = new ArrayList<>();
        list.forEach(job -> times.add(OffsetDateTime.parse(job.get("gmt_create").asText())));
        assertThat(times).hasSize(60).isSortedAccordingTo((a, b) -> b.compareTo(a));
        list.forEach(job -> assertThat(job.get("gmt_create").asText()).matches(GMT));
    }

    @Test
    void list_statusFilter_matchesOnlyThatStatus() {
        sandbox.seed(80, 0, 0.5);

        for (String status : List.of("PENDING", "RUNNING", "SUCCESSED", "FAILED")) {
            JsonNode output = http.get(IMPORTS + "?page_size=100&status=" + status).output();
            assertThat(output.get("total").asInt()).as(status).isPositive();
            output.get("list").forEach(job -> assertThat(job.get("status").asText()).isEqualTo(status));
        }
    }

    @Test
    void list_failedJobs_carryErrorCodeAndOthersDoNot() {
        sandbox.seed(80, 0, 0.5);

        JsonNode list = http.get(IMPORTS + "?page_size=100").output().get("list");

        list.forEach(job -> {
            boolean failed = job.get("status").asText().equals("FAILED");
            assertThat(job.has("error_code")).as(job.toString()).isEqualTo(failed);
            assertThat(job.has("weight_type")).isFalse();
        });
        assertThat(list.findValuesAsText("error_code")).isNotEmpty()
                .allMatch(code -> code.length() > 10);
    }

    @Test
    void list_modelNameFilter_isExactMatch() {
        JsonNode job = create();
        create();
        String name = job.get("model_name").asText();

        JsonNode exact = http.get(IMPORTS + "?model_name=" + name).output();
        JsonNode prefix = http.get(IMPORTS + "?model_name=qwen3-32b").output();
        JsonNode wrongStatus = http.get(IMPORTS + "?status=FAILED&model_name=" + name).output();

        assertThat(exact.get("total").asInt()).isEqualTo(1);
        assertThat(jobIds(exact)).containsExactly(job.get("job_id").asText());
        assertThat(prefix.get("total").asInt()).isZero();
        assertThat(wrongStatus.get("total").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"page_no=0", "page_no=-1", "page_no=abc", "page_size=0", "page_size=101",
            "page_size=1.5", "page_size=ten"})
    void list_badPaging_isInvalidParameter(String query) {
        SandboxHttp.Response response = http.get(IMPORTS + "?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidParameter");
        assertThat(response.message()).contains(query.substring(0, query.indexOf('=')));
    }

    @Test
    void list_pageSizeOutOfRange_explainsTheRange() {
        assertThat(http.get(IMPORTS + "?page_size=101").message()).startsWith("page_size must be between 1 and 100");
    }

    @Test
    void delete_runningJob_isOperationDenied() {
        String id = create().get("job_id").asText();

        SandboxHttp.Response response = http.delete(IMPORTS + "/" + id);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("OperationDenied");
        assertThat(response.message()).isEqualTo("The import job is currently running and cannot be deleted.");
        assertThat(http.get(IMPORTS + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void delete_finishedJob_returnsItWithoutWeightTypeThenGone() {
        String id = create().get("job_id").asText();
        clock.advance(Duration.ofMinutes(15));

        SandboxHttp.Response response = http.delete(IMPORTS + "/" + id);

        assertThat(response.status()).isEqualTo(200);
        assertThat(fieldNames(response.output())).isEqualTo(LISTED_FIELDS);
        assertThat(response.output().get("status").asText()).isEqualTo("SUCCESSED");
        assertThat(http.get(IMPORTS + "/" + id).status()).isEqualTo(404);
        assertThat(http.delete(IMPORTS + "/" + id).code()).isEqualTo("NotFound");
        assertThat(http.get(IMPORTS).output().get("total").asInt()).isZero();
    }

    @Test
    void delete_failedJob_isAllowed() {
        String id = create().get("job_id").asText();
        sandbox.forceStatus(id, "FAILED");

        SandboxHttp.Response response = http.delete(IMPORTS + "/" + id);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.output().get("error_code").asText()).isNotBlank();
    }

}
