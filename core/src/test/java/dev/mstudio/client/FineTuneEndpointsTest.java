package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The documented fine-tune list replayed verbatim, and the other fine-tune endpoints. */
class FineTuneEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HyperParameters SEED_HYPER = new HyperParameters(3, 32, 8192, "1.6e-5", "linear", 0.9);

    private final TestServer test = new TestServer();
    private final DashScopeClient client = test.client();

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        test.close();
    }

    @Test
    void listFineTunes_documentedExample_mapsEveryFieldOfBothJobs() throws Exception {
        test.enqueue(200, TestServer.seed("finetune-list.json"));

        Page<FineTuneJob> page = client.listFineTunes(new FineTuneQuery(2, null, "qwen3-14b", null));

        assertThat(page.pageNo()).isEqualTo(2);
        assertThat(page.pageSize()).isEqualTo(10);
        assertThat(page.total()).isEqualTo(12);
        assertThat(page.requestId()).isEqualTo("2182ef64-6398-457b-b3f6-5fde5fd6b388");
        assertThat(page.hasNext()).isFalse();
        FineTuneJob first = page.items().get(0);
        assertThat(first).isEqualTo(new FineTuneJob("ft-202410291653-1c7f", "ft-202410291653-1c7f", "SUCCEEDED",
                "qwen3-14b-suffix-ft-202410291653-1c7f", "qwen3-14b", "qwen3-14b",
                List.of("976bd01a-f30b-4414-86fd-50c54486e3ef"), List.of(), SEED_HYPER, "sft",
                "2024-10-29 16:53:53", "2024-10-29 17:11:26", "llm-v71tlv***", "1396993924585947",
                "1396993924585947", "1396993924585947", "llm", 279808L, null, null, first.raw()));
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2024-10-29T16:53:53Z"));
        assertThat(first.endedAt()).isEqualTo(Instant.parse("2024-10-29T17:11:26Z"));
        FineTuneJob second = page.items().get(1);
        assertThat(second).isEqualTo(new FineTuneJob("ft-202410291512-1851", "ft-202410291512-1851", "CANCELED",
                null, "qwen3-14b", "qwen3-14b",
                List.of("86a9fe7f-dd77-43b0-9834-2170e12339ec", "03ead352-6190-4328-8016-61821c23d4fc"), List.of(),
                SEED_HYPER, "sft", "2024-10-29 15:12:00", "2024-10-29 15:16:00", "llm-v71tlv***",
                "1396993924585947", "1396993924585947", "1396993924585947", "llm", 0L, "1", null, second.raw()));
        assertThat(second.terminal()).isTrue();
        assertThat(second.displayName()).as("job_name is the ID here: it names nothing more").isNull();
    }

    @Test
    void listFineTunes_query_sendsModelAndPageOnly() throws Exception {
        test.enqueue(200, TestServer.seed("finetune-list.json"));

        client.listFineTunes(new FineTuneQuery(2, null, "qwen3-14b", null));

        RecordedRequest sent = test.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getRequestUrl().encodedPath()).isEqualTo("/api/v1/fine-tunes");
        assertThat(sent.getRequestUrl().queryParameterNames()).containsExactlyInAnyOrder("page_no", "model");
        assertThat(sent.getRequestUrl().queryParameter("page_no")).isEqualTo("2");
        assertThat(sent.getRequestUrl().queryParameter("model")).isEqualTo("qwen3-14b");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TestServer.KEY);
        assertThat(sent.getHeader("X-DashScope-WorkSpace")).isEqualTo(TestServer.WORKSPACE);
    }

    @Test
    void listFineTunes_documentedNotFound_surfacesAllFields() {
        test.enqueue(404, TestServer.seed("error-not-found.json"));

        assertThatThrownBy(() -> client.listFineTunes(new FineTuneQuery(1, 10, null, "RUNNING")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("NotFound");
                    assertThat(e.getMessage()).isEqualTo("Not Found!");
                    assertThat(e.requestId()).isEqualTo("BE213CDD-8A5C-59EE-9A67-055EAB0CB59B");
                });
    }

    @Test
    void getFineTune_outputIsOneJob_mapsIt() throws Exception {
        JsonNode list = JSON.readTree(TestServer.seed("finetune-list.json"));
        test.enqueue(200, "{\"request_id\":\"r-1\",\"output\":" + list.at("/output/jobs/0") + "}");

        FineTuneJob job = client.getFineTune("ft-202410291653-1c7f");

        assertThat(job.jobId()).isEqualTo("ft-202410291653-1c7f");
        assertThat(job.hyperParameters()).isEqualTo(SEED_HYPER);
        assertThat(test.server.takeRequest().getPath()).isEqualTo("/api/v1/fine-tunes/ft-202410291653-1c7f");
    }

    @Test
    void createFineTune_body_omitsNullsAndKeepsLearningRateAString() throws Exception {
        test.enqueue(200, "{\"request_id\":\"r-2\",\"output\":{\"job_id\":\"ft-1\",\"status\":\"PENDING\"}}");
        HyperParameters hyper = new HyperParameters(3, null, null, "1.6e-5", null, 0.9);

        FineTuneJob job = client.createFineTune(new CreateFineTuneRequest("qwen3-14b",
                List.of("file-1", "file-2"), null, hyper, "sft", "mine"));

        assertThat(job.jobId()).isEqualTo("ft-1");
        assertThat(job.message()).isNull();
        RecordedRequest sent = test.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getPath()).isEqualTo("/api/v1/fine-tunes");
        assertThat(JSON.readTree(sent.getBody().readUtf8())).isEqualTo(JSON.readTree(
                "{\"model\":\"qwen3-14b\",\"training_file_ids\":[\"file-1\",\"file-2\"],"
                        + "\"hyper_parameters\":{\"n_epochs\":3,\"learning_rate\":\"1.6e-5\",\"split\":0.9},"
                        + "\"training_type\":\"sft\",\"finetuned_output_suffix\":\"mine\"}"));
    }

    @Test
    void createFineTune_minimal_sendsModelAndFilesOnly() throws Exception {
        test.enqueue(200, "{\"request_id\":\"r-3\",\"output\":{\"job_id\":\"ft-2\"}}");

        client.createFineTune(new CreateFineTuneRequest("qwen3-14b", List.of("f"), List.of("v"), null, null, null));

        assertThat(JSON.readTree(test.server.takeRequest().getBody().readUtf8())).isEqualTo(
                JSON.readTree("{\"model\":\"qwen3-14b\",\"training_file_ids\":[\"f\"],"
                        + "\"validation_file_ids\":[\"v\"]}"));
    }

    @Test
    void cancelAndDeleteFineTune_success_sendPostCancelAndDelete() throws Exception {
        test.enqueue(200, "{\"request_id\":\"r-4\",\"output\":{\"status\":\"success\"}}");
        test.enqueue(200, "{\"request_id\":\"r-5\",\"output\":{\"status\":\"success\"}}");

        client.cancelFineTune("ft-202410291653-1c7f");
        client.deleteFineTune("ft-202410291653-1c7f");

        RecordedRequest cancel = test.server.takeRequest();
        assertThat(cancel.getMethod()).isEqualTo("POST");
        assertThat(cancel.getPath()).isEqualTo("/api/v1/fine-tunes/ft-202410291653-1c7f/cancel");
        assertThat(cancel.getHeader("Authorization")).isEqualTo("Bearer " + TestServer.KEY);
        RecordedRequest delete = test.server.takeRequest();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getPath()).isEqualTo("/api/v1/fine-tunes/ft-202410291653-1c7f");
    }

    @Test
    void cancelFineTune_outputStatusNotSuccess_isAnError() {
        test.enqueue(200, "{\"request_id\":\"r-4\",\"output\":{\"status\":\"failed\"}}");

        assertThatThrownBy(() -> client.cancelFineTune("ft-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getMessage()).contains("output status is 'failed', not 'success'");
                    assertThat(e.requestId()).isEqualTo("r-4");
                });
    }

    @Test
    void fineTuneLogs_window_sendsOffsetAndLine() throws Exception {
        test.enqueue(200, "{\"request_id\":\"r-6\",\"output\":{\"total\":250,\"logs\":[\"step 1\",\"step 2\"]}}");

        LogPage logs = client.fineTuneLogs("ft-1", 100, 2);

        assertThat(logs).isEqualTo(new LogPage(250, List.of("step 1", "step 2"), "r-6"));
        RecordedRequest sent = test.server.takeRequest();
        assertThat(sent.getRequestUrl().encodedPath()).isEqualTo("/api/v1/fine-tunes/ft-1/logs");
        assertThat(sent.getRequestUrl().queryParameter("offset")).isEqualTo("100");
        assertThat(sent.getRequestUrl().queryParameter("line")).isEqualTo("2");
    }

    @Test
    void checkpoints_outputArray_mapsEach() throws Exception {
        test.enqueue(200, "{\"request_id\":\"r-7\",\"output\":[{\"checkpoint_id\":\"cp-1\",\"checkpoint\":\"checkpoint-100\","
                + "\"create_time\":\"2024-10-29 17:00:00\",\"status\":\"SUCCEEDED\",\"step\":100,"
                + "\"model_name\":\"qwen3-14b-ft\",\"full_name\":\"extra\"}]}");

        List<Checkpoint> checkpoints = client.checkpoints("ft-1");

        assertThat(checkpoints).hasSize(1);
        Checkpoint cp = checkpoints.get(0);
        assertThat(cp).isEqualTo(new Checkpoint("cp-1", "checkpoint-100", "2024-10-29 17:00:00", "SUCCEEDED", 100,
                "qwen3-14b-ft", cp.raw()));
        assertThat(cp.raw().get("full_name").asText()).isEqualTo("extra");
        assertThat(test.server.takeRequest().getPath()).isEqualTo("/api/v1/fine-tunes/ft-1/checkpoints");
    }
}
