package dev.mstudio.client;

import static dev.mstudio.client.ClientSandboxFixture.CANCEL_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.CHECKPOINTS;
import static dev.mstudio.client.ClientSandboxFixture.KEY;
import static dev.mstudio.client.ClientSandboxFixture.LOGS;
import static dev.mstudio.client.ClientSandboxFixture.apiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.sandbox.control.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What reaches the sandbox: the workspace and authorization headers, and job IDs as one escaped path segment. */
class ClientSandboxWireTest {
    private static final String IMPORT_ITEM = "/api/v1/custom_models/import/{job_id}";
    private static final String FINETUNE_ITEM = "/api/v1/fine-tunes/{job_id}";

    private final ClientSandboxFixture f = ClientSandboxFixture.start();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void everyCall_workspaceConfigured_sentAsHeaderWithAuthorization() throws Exception {
        ClientConfig config = new ClientConfig(f.sandbox.baseUrl(), KEY, "ws-123");
        try (DashScopeClient client = f.clientBuilder(config).build()) {
            client.listImports(ImportQuery.all());
            String id = client.createImport(ClientSandboxFixture.importRequest("qwen3-8b", "lora", null)).jobId();
            client.getImport(id);
            FineTuneJob job = client.createFineTune(ClientSandboxFixture.fineTuneRequest("qwen3-8b", null));
            client.fineTuneLogs(job.jobId(), 0, 10);
            client.cancelFineTune(job.jobId());

            assertThat(job.workspaceId()).as("the sandbox files the job under the header's workspace")
                    .isEqualTo("ws-123");
        }

        List<RecordedRequest> seen = f.sandbox.requests(100);
        assertThat(seen).hasSize(6);
        assertThat(seen).extracting(RecordedRequest::workspace).containsOnly("ws-123");
        assertThat(seen).extracting(RecordedRequest::hasAuthorization).containsOnly(true);
        assertThat(seen).extracting(RecordedRequest::status).containsOnly(200);
    }

    @Test
    void everyCall_noWorkspace_noHeaderAndTheDefaultWorkspace() throws Exception {
        FineTuneJob job = f.createFineTune("qwen3-8b", null);

        assertThat(f.lastRequest().workspace()).isNull();
        assertThat(f.lastRequest().hasAuthorization()).isTrue();
        assertThat(job.workspaceId()).matches("llm-[a-z0-9]{16}");
    }

    @Test
    void getImport_idWithSlash_reachesItemEndpointAsOneSegment() {
        ApiException notFound = apiError(() -> f.client.getImport("a/b"));

        f.assertApiError(notFound, 404, "NotFound");
        assertThat(f.lastRequest().template()).isEqualTo(IMPORT_ITEM);
        assertThat(notFound.getMessage()).contains("The import job a/b does not exist");
    }

    @Test
    void getImport_dotDotSlashId_reachesItemEndpointAsOneSegment() {
        ApiException notFound = apiError(() -> f.client.getImport("../x"));

        f.assertApiError(notFound, 404, "NotFound");
        assertThat(f.lastRequest().template()).isEqualTo(IMPORT_ITEM);
        assertThat(notFound.getMessage()).contains("The import job ../x does not exist");
    }

    @Test
    void deleteImport_idWithSlash_reachesItemEndpointAsOneSegment() {
        ApiException notFound = apiError(() -> f.client.deleteImport("x/y/z"));

        f.assertApiError(notFound, 404, "NotFound");
        assertThat(f.lastRequest().method()).isEqualTo("DELETE");
        assertThat(f.lastRequest().template()).isEqualTo(IMPORT_ITEM);
    }

    @Test
    void getFineTune_realIdPlusLogsSuffix_neverReachesTheLogsEndpoint() throws Exception {
        String id = f.createFineTune("qwen3-8b", null).jobId();

        ApiException notFound = apiError(() -> f.client.getFineTune(id + "/logs"));
        ApiException notFoundEither = apiError(() -> f.client.getFineTune(id + "/checkpoints"));

        f.assertApiError(notFoundEither, 404, "NotFound");
        assertThat(notFound.code()).isEqualTo("NotFound");
        assertThat(notFound.getMessage()).isEqualTo("Fine-tune job " + id + "/logs not found.");
        assertThat(f.sandbox.requests(2)).extracting(RecordedRequest::template).containsOnly(FINETUNE_ITEM);
        assertThat(f.count(LOGS)).isZero();
        assertThat(f.count(CHECKPOINTS)).isZero();
    }

    @Test
    void deleteFineTune_realIdPlusCancelSuffix_neitherCancelsNorDeletes() throws Exception {
        String id = f.createFineTune("qwen3-8b", null).jobId();

        ApiException notFound = apiError(() -> f.client.deleteFineTune(id + "/cancel"));

        f.assertApiError(notFound, 404, "NotFound");
        assertThat(f.lastRequest().template()).isEqualTo(FINETUNE_ITEM);
        assertThat(f.count(CANCEL_FINETUNE)).isZero();
        assertThat(f.client.getFineTune(id).status()).isEqualTo("PENDING");
    }

    @Test
    void getImport_dotOrDotDotId_illegalArgumentAndNothingSent() {
        assertThatThrownBy(() -> f.client.getImport("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.client.getFineTune(".")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.client.cancelFineTune(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.client.deleteImport("a\nb")).isInstanceOf(IllegalArgumentException.class);

        assertThat(f.total()).isZero();
        assertThat(f.sandbox.requests(10)).isEmpty();
    }
}
