package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, export and deployments: the documented shapes replayed verbatim, and what the client sends. */
class WorkflowEndpointsTest {
    private static final String FILE_ID = "976bd01a-f30b-4414-86fd-50c54486e3ef";
    private final TestServer test = new TestServer();
    private final DashScopeClient client = test.client();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        test.close();
    }

    @Test
    void uploadFiles_sendsMultipart_withPurposeAndDescription_andReadsData() throws Exception {
        test.enqueue(200, TestServer.seed("files-upload.json"));
        Path train = Files.writeString(dir.resolve("train.jsonl"), "{\"text\":\"hello\"}\n");

        List<DataFile> uploaded = client.uploadFiles(List.of(new FileUpload(train, "support chats")));

        assertThat(uploaded).extracting(DataFile::fileId, DataFile::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FILE_ID, "train.jsonl"));
        RecordedRequest sent = test.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getPath()).isEqualTo("/api/v1/files");
        assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = sent.getBody().readString(StandardCharsets.UTF_8);
        assertThat(body).contains("name=\"files\"; filename=\"train.jsonl\"", "{\"text\":\"hello\"}",
                "name=\"purpose\"", "fine-tune", "name=\"descriptions\"", "support chats");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TestServer.KEY);
    }

    @Test
    void uploadFiles_a200WithFailedUploads_isAFailure_namingTheFile() throws Exception {
        test.enqueue(200, TestServer.seed("files-upload-failed.json"));
        Path train = Files.writeString(dir.resolve("train.jsonl"), "{}\n");

        assertThatThrownBy(() -> client.uploadFiles(List.of(new FileUpload(train, null))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("FileTooLarge");
                    assertThat(e.getMessage()).contains("huge.jsonl", "1 GB limit");
                    assertThat(e.requestId()).isEqualTo("7be4f4b9-3c2c-4a1f-9f5f-1ce7c6a2a7f2");
                });
    }

    @Test
    void uploadFiles_missingFile_isRefusedBeforeSending() {
        assertThatThrownBy(() -> new FileUpload(dir.resolve("nope.jsonl"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.jsonl");
        assertThat(test.server.getRequestCount()).isZero();
    }

    @Test
    void listFiles_documentedShape_mapsEveryField() throws Exception {
        test.enqueue(200, TestServer.seed("files-list.json"));

        FilePage page = client.listFiles(2, 10);

        assertThat(test.server.takeRequest().getPath()).isEqualTo("/api/v1/files?page_no=2&page_size=10");
        assertThat(page.total()).isEqualTo(11);
        assertThat(page.pageNo()).isEqualTo(2);
        assertThat(page.hasNext()).isFalse();
        DataFile file = page.files().get(0);
        assertThat(file).isEqualTo(new DataFile(FILE_ID, "train.jsonl", "support chats, March", 1048576L,
                "9e107d9d372bb6826bd81d3542a419d6", "2024-10-29 16:40:12", file.raw()));
        assertThat(file.raw().path("region").asText()).isEqualTo("ap-southeast-1");
    }

    @Test
    void getAndDeleteFile_pathsAndData() throws Exception {
        test.enqueue(200, TestServer.seed("file-get.json"));
        test.enqueue(200, "{\"request_id\":\"r1\",\"data\":{}}");

        DataFile file = client.getFile(FILE_ID);
        client.deleteFile(FILE_ID);

        assertThat(file.raw().path("url").asText()).startsWith("https://");
        assertThat(test.server.takeRequest().getPath()).isEqualTo("/api/v1/files/" + FILE_ID);
        RecordedRequest delete = test.server.takeRequest();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getPath()).isEqualTo("/api/v1/files/" + FILE_ID);
    }

    @Test
    void exportCheckpoint_sendsModelName_andReadsTrue() throws Exception {
        test.enqueue(200, TestServer.seed("export.json"));
        test.enqueue(200, "{\"request_id\":\"r2\",\"output\":false}");

        assertThat(client.exportCheckpoint("ft-202410291653-1c7f", "checkpoint-40", "my-model")).isTrue();
        assertThat(client.exportCheckpoint("ft-202410291653-1c7f", "checkpoint-40", "my-model")).isFalse();

        assertThat(test.server.takeRequest().getPath())
                .isEqualTo("/api/v1/fine-tunes/ft-202410291653-1c7f/export/checkpoint-40?model_name=my-model");
    }

    @Test
    void createDeployment_sendsTheBody_andMapsTheDeployment() throws Exception {
        test.enqueue(200, TestServer.seed("deployment.json"));

        Deployment deployment = client.createDeployment(
                new CreateDeploymentRequest("qwen3-14b-ft-202410291653-1c7f", 2, "lora", null));

        RecordedRequest sent = test.server.takeRequest();
        assertThat(sent.getPath()).isEqualTo("/api/v1/deployments");
        assertThat(sent.getBody().readUtf8())
                .isEqualTo("{\"model_name\":\"qwen3-14b-ft-202410291653-1c7f\",\"capacity\":2,\"plan\":\"lora\"}");
        assertThat(deployment).isEqualTo(new Deployment("qwen3-14b-ft-202410291653-1c7f-a1b2",
                "qwen3-14b-ft-202410291653-1c7f", "qwen3-14b", "PENDING", 2, 0, 1, "post_paid", "llm-v71tlv***",
                "2024-10-29T17:20:00.000+00:00", "2024-10-29T17:20:00.000+00:00", "1396993924585947",
                "1396993924585947", deployment.raw()));
        assertThat(deployment.terminal()).isFalse();
        assertThat(deployment.createdAt()).isEqualTo(java.time.Instant.parse("2024-10-29T17:20:00Z"));
    }

    @Test
    void listDeployments_keepsAnUnknownStatus_asNotSettled() throws Exception {
        test.enqueue(200, TestServer.seed("deployments-list.json"));

        DeploymentPage page = client.listDeployments(1, 10);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.deployments()).extracting(Deployment::status).containsExactly("RUNNING", "WARMING");
        Deployment running = page.deployments().get(0);
        assertThat(running.terminal()).isTrue();
        assertThat(running.kind().isSuccess(running.status())).isTrue();
        assertThat(page.deployments().get(1).terminal()).isFalse();
    }

    @Test
    void scaleDeployment_putsDeployedModelAndCapacity() throws Exception {
        test.enqueue(200, TestServer.seed("deployment.json"));
        test.enqueue(200, TestServer.seed("deployment.json"));

        client.scaleDeployment("qwen3-14b-ft-202410291653-1c7f-a1b2", 4);
        client.deleteDeployment("qwen3-14b-ft-202410291653-1c7f-a1b2");

        RecordedRequest scale = test.server.takeRequest();
        assertThat(scale.getMethod()).isEqualTo("PUT");
        assertThat(scale.getPath()).isEqualTo("/api/v1/deployments/qwen3-14b-ft-202410291653-1c7f-a1b2/scale");
        assertThat(scale.getBody().readUtf8())
                .isEqualTo("{\"deployed_model\":\"qwen3-14b-ft-202410291653-1c7f-a1b2\",\"capacity\":4}");
        assertThat(test.server.takeRequest().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void capacityOutOfRange_isRefusedBeforeSending() {
        assertThatThrownBy(() -> new CreateDeploymentRequest("m", 0, null, null))
                .hasMessage("capacity must be between 1 and 100, got 0");
        assertThatThrownBy(() -> client.scaleDeployment("d", 101)).hasMessageContaining("between 1 and 100");
        assertThat(test.server.getRequestCount()).isZero();
    }

    @Test
    void deploymentErrors_areApiExceptions_decidedOnCode() {
        test.enqueue(404, TestServer.error("NotFound", "Deployment x not found.", "req-404"));

        assertThatThrownBy(() -> client.getDeployment("x")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("NotFound");
            assertThat(e.requestId()).isEqualTo("req-404");
        });
    }
}
