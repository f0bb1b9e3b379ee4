package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replays the documented import examples verbatim, then checks exactly what was sent. */
class ImportEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String JOB_ID = "937b****-2a4f-****-8abe-c2fa********";

    private final TestServer test = new TestServer();
    private final DashScopeClient client = test.client();

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        test.close();
    }

    @Test
    void listImports_documentedExample_mapsEveryField() throws Exception {
        test.enqueue(200, TestServer.seed("import-list.json"));

        Page<ImportJob> page = client.listImports(new ImportQuery(1, 10, "SUCCESSED", null));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.pageNo()).isEqualTo(1);
        assertThat(page.pageSize()).isEqualTo(10);
        assertThat(page.requestId()).isEqualTo("ca21****-b91b-****-bd35-c41c********");
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0)).isEqualTo(new ImportJob(JOB_ID, "qwen3-32b-offline-20240101-abc1",
                "My LoRA fine-tuned model", "SUCCESSED", "OSS", null,
                new StorageInfo("my-model-bucket", "models/qwen3-32b-lora/"), null,
                "2024-01-01T12:00:00.000+00:00", page.items().get(0).raw()));
        ImportJob failed = page.items().get(1);
        assertThat(failed.jobId()).isEqualTo("edb0****-39ac-****-9859-8b1e********");
        assertThat(failed.modelName()).isEqualTo("qwen3-32b-offline-20240102-xyz4");
        assertThat(failed.displayName()).isEqualTo("My full-parameter fine-tuned model");
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.terminal()).isTrue();
        assertThat(failed.storageInfo()).isEqualTo(new StorageInfo("my-model-bucket", "models/qwen3-32b-full/"));
        assertThat(failed.errorCode()).isEqualTo("Failed to get files from OSS. Check the files in OSS.");
        assertThat(failed.createdAt()).isEqualTo(Instant.parse("2024-01-02T09:00:00Z"));
        assertThat(failed.raw().get("error_code").asText()).startsWith("Failed to get files");
    }

    @Test
    void listImports_query_sendsOnlyGivenParametersAndHeaders() throws Exception {
        test.enqueue(200, TestServer.seed("import-list.json"));

        client.listImports(new ImportQuery(1, 10, "SUCCESSED", null));

        RecordedRequest sent = test.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getRequestUrl().encodedPath()).isEqualTo("/api/v1/custom_models/import");
        assertThat(sent.getRequestUrl().queryParameterNames()).containsExactlyInAnyOrder("page_no", "page_size", "status");
        assertThat(sent.getRequestUrl().queryParameter("page_no")).isEqualTo("1");
        assertThat(sent.getRequestUrl().queryParameter("page_size")).isEqualTo("10");
        assertThat(sent.getRequestUrl().queryParameter("status")).isEqualTo("SUCCESSED");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TestServer.KEY);
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(sent.getHeader("X-DashScope-WorkSpace")).isEqualTo(TestServer.WORKSPACE);
        assertThat(sent.getHeader("User-Agent")).startsWith("mstudio/");
    }

    @Test
    void listImports_all_sendsNoQueryAndModelNameWhenGiven() throws Exception {
        test.enqueue(200, TestServer.seed("import-list.json"));
        test.enqueue(200, TestServer.seed("import-list.json"));

        client.listImports(ImportQuery.all());
        client.listImports(new ImportQuery(null, null, null, "qwen3-32b-offline-20240101-abc1"));

        assertThat(test.server.takeRequest().getRequestUrl().querySize()).isZero();
        RecordedRequest byModel = test.server.takeRequest();
        assertThat(byModel.getRequestUrl().queryParameterNames()).containsExactly("model_name");
        assertThat(byModel.getRequestUrl().queryParameter("model_name")).isEqualTo("qwen3-32b-offline-20240101-abc1");
    }

    @Test
    void getImport_documentedExample_mapsJobAndSendsItsPath() throws Exception {
        test.enqueue(200, TestServer.seed("import-get.json"));

        ImportJob job = client.getImport(JOB_ID);

        assertThat(job.jobId()).isEqualTo(JOB_ID);
        assertThat(job.modelName()).isEqualTo("qwen3-32b-offline-20240101-abc1");
        assertThat(job.displayName()).isEqualTo("My LoRA fine-tuned model");
        assertThat(job.source()).isEqualTo("OSS");
        assertThat(job.weightType()).isNull();
        assertThat(job.storageInfo()).isEqualTo(new StorageInfo("my-model-bucket", "models/qwen3-32b-lora/"));
        assertThat(job.status()).isEqualTo("RUNNING");
        assertThat(job.terminal()).isFalse();
        assertThat(job.errorCode()).isNull();
        assertThat(job.gmtCreate()).isEqualTo("2024-01-01T12:00:00.000+00:00");
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2024-01-01T12:00:00Z"));
        RecordedRequest sent = test.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getRequestUrl().pathSegments()).containsExactly("api", "v1", "custom_models", "import", JOB_ID);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + TestServer.KEY);
    }

    @Test
    void createImport_documentedExample_sendsTheDocumentedBody() throws Exception {
        test.enqueue(200, TestServer.seed("import-create.json"));

        ImportJob job = client.createImport(new CreateImportRequest("qwen3-32b", "lora", "my-model-bucket",
                "models/qwen3-32b-lora/", "My LoRA-tuned model"));

        assertThat(job.jobId()).isEqualTo(JOB_ID);
        assertThat(job.modelName()).isEqualTo("qwen3-32b-offline-20240101-abc1");
        assertThat(job.displayName()).isEqualTo("My LoRA-tuned model");
        assertThat(job.source()).isEqualTo("OSS");
        assertThat(job.weightType()).isEqualTo("lora");
        assertThat(job.storageInfo()).isEqualTo(new StorageInfo("my-model-bucket", "models/qwen3-32b-lora/"));
        assertThat(job.status()).isEqualTo("PENDING");
        assertThat(job.gmtCreate()).isEqualTo("2024-01-01T12:00:00.000+00:00");
        RecordedRequest sent = test.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getPath()).isEqualTo("/api/v1/custom_models/import");
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(sent.getHeader("X-DashScope-WorkSpace")).isEqualTo(TestServer.WORKSPACE);
        JsonNode body = JSON.readTree(sent.getBody().readUtf8());
        assertThat(body).isEqualTo(JSON.readTree(TestServer.seed("import-create-request.json")));
        assertThat(body.get("source").asText()).isEqualTo("oss");
    }

    @Test
    void createImport_withoutDisplayName_omitsIt() throws Exception {
        test.enqueue(200, TestServer.seed("import-create.json"));

        client.createImport(new CreateImportRequest("qwen3-32b", "full", "b", "m/", null));

        JsonNode body = JSON.readTree(test.server.takeRequest().getBody().readUtf8());
        assertThat(body.has("display_name")).isFalse();
        assertThat(body.get("weight_type").asText()).isEqualTo("full");
        assertThat(body.get("storage_info").get("object_key").asText()).isEqualTo("m/");
    }

    @Test
    void deleteImport_documentedExample_returnsTheDeletedJob() throws Exception {
        test.enqueue(200, TestServer.seed("import-delete.json"));

        ImportJob job = client.deleteImport(JOB_ID);

        assertThat(job.jobId()).isEqualTo(JOB_ID);
        assertThat(job.status()).isEqualTo("SUCCESSED");
        assertThat(job.displayName()).isEqualTo("My LoRA fine-tuned model");
        assertThat(job.storageInfo().objectKey()).isEqualTo("models/qwen3-32b-lora/");
        assertThat(job.gmtCreate()).isEqualTo("2024-01-01T12:00:00.000+00:00");
        RecordedRequest sent = test.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("DELETE");
        assertThat(sent.getRequestUrl().pathSegments()).last().isEqualTo(JOB_ID);
    }

    @Test
    void deleteImport_documentedOperationDenied_surfacesAllFields() {
        test.enqueue(400, TestServer.seed("error-operation-denied.json"));

        assertThatThrownBy(() -> client.deleteImport(JOB_ID))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("OperationDenied");
                    assertThat(e.getMessage()).isEqualTo("The import job is currently running and cannot be deleted.");
                    assertThat(e.requestId()).isEqualTo("ca21****-b91b-****-bd35-c41c********");
                });
        assertThat(test.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void getImport_oddIds_stayOneEscapedPathSegment() throws Exception {
        for (int i = 0; i < 4; i++) {
            test.enqueue(200, TestServer.seed("import-get.json"));
        }

        client.getImport("../x");
        client.getImport("a/b");
        client.getImport("x?status=FAILED#frag");
        client.getImport("  padded  ");

        assertThat(test.server.takeRequest().getPath()).isEqualTo("/api/v1/custom_models/import/..%2Fx");
        assertThat(test.server.takeRequest().getPath()).isEqualTo("/api/v1/custom_models/import/a%2Fb");
        assertThat(test.server.takeRequest().getPath()).isEqualTo("/api/v1/custom_models/import/x%3Fstatus=FAILED%23frag");
        assertThat(test.server.takeRequest().getPath()).isEqualTo("/api/v1/custom_models/import/padded");
    }
}
