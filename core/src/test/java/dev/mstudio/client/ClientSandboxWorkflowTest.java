package dev.mstudio.client;

import static dev.mstudio.client.ClientSandboxFixture.apiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real client against the sandbox: files, checkpoints with expiry, export and deployments. */
class ClientSandboxWorkflowTest {
    private final ClientSandboxFixture fx = ClientSandboxFixture.start(sandbox -> sandbox.maxFileBytes(64));

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void files_uploadListGetDelete() throws Exception {
        Path train = Files.writeString(dir.resolve("train.jsonl"), "{\"text\":\"a\"}\n{\"text\":\"b\"}\n");

        List<DataFile> uploaded = fx.client.uploadFiles(List.of(new FileUpload(train, "two lines")));
        String id = uploaded.get(0).fileId();
        DataFile got = fx.client.getFile(id);
        FilePage page = fx.client.listFiles(1, 10);
        fx.client.deleteFile(id);

        assertThat(uploaded).extracting(DataFile::name).containsExactly("train.jsonl");
        assertThat(got.size()).isEqualTo(Files.size(train));
        assertThat(got.description()).isEqualTo("two lines");
        assertThat(got.md5()).hasSize(32);
        assertThat(page.files()).extracting(DataFile::fileId).containsExactly(id);
        assertThat(page.total()).isEqualTo(1);
        fx.assertApiError(apiError(() -> fx.client.getFile(id)), 404, "NotFound");
    }

    @Test
    void upload_overTheSizeLimit_isAFailure_andStoresNothing() throws Exception {
        Path big = Files.writeString(dir.resolve("big.jsonl"), "x".repeat(65));

        ApiException e = apiError(() -> fx.client.uploadFiles(List.of(new FileUpload(big, null))));

        assertThat(e.code()).isEqualTo("FileTooLarge");
        assertThat(e.getMessage()).contains("big.jsonl");
        assertThat(fx.client.listFiles(1, 10).total()).isZero();
    }

    @Test
    void checkpoints_carryExpiry_andExportMakesADeployableModel() throws Exception {
        FineTuneJob job = fx.createFineTune("qwen3-14b", "exp");
        fx.statusesUntilTerminal(() -> fx.client.getFineTune(job.jobId()), Duration.ofMinutes(5), Duration.ofDays(2));
        Checkpoint first = fx.client.checkpoints(job.jobId()).get(0);

        boolean exported = fx.client.exportCheckpoint(job.jobId(), first.checkpoint(), "my-export");
        Deployment deployment = fx.client.createDeployment(new CreateDeploymentRequest("my-export", 1, null, "d1"));

        assertThat(first.fullName()).isEqualTo(job.jobId() + ":" + first.checkpoint());
        assertThat(first.modelDisplayName()).isNotBlank();
        assertThat(Duration.between(Times.parseLocal(first.createTime()), first.expiresAt())).isEqualTo(Duration.ofDays(15));
        assertThat(exported).isTrue();
        assertThat(deployment.deployedModel()).isEqualTo("my-export-d1");
        assertThat(deployment.baseModel()).isEqualTo("qwen3-14b");
        fx.assertApiError(apiError(() -> fx.client.exportCheckpoint(job.jobId(), first.checkpoint(), "my-export")),
                409, "Conflict");
        fx.assertApiError(apiError(() -> fx.client.exportCheckpoint(job.jobId(), "checkpoint-999999", "other")),
                404, "NotFound");
    }

    @Test
    void deployment_lifecycle_pendingDeployingRunning_thenScaleAndDelete() throws Exception {
        Deployment created = fx.client.createDeployment(new CreateDeploymentRequest("qwen3-14b", 2, "lora", "life"));
        List<String> seen = new ArrayList<>(List.of(created.status()));
        for (int i = 0; i < 200 && !seen.get(seen.size() - 1).equals("RUNNING"); i++) {
            fx.advance(Duration.ofSeconds(10));
            String status = fx.client.getDeployment(created.deployedModel()).status();
            if (!status.equals(seen.get(seen.size() - 1))) {
                seen.add(status);
            }
        }
        Deployment scaled = fx.client.scaleDeployment(created.deployedModel(), 3);
        DeploymentPage page = fx.client.listDeployments(1, 10);
        fx.client.deleteDeployment(created.deployedModel());

        assertThat(seen).containsExactly("PENDING", "DEPLOYING", "RUNNING");
        assertThat(scaled.status()).isEqualTo("UPDATING");
        assertThat(scaled.capacity()).isEqualTo(3);
        assertThat(page.deployments()).extracting(Deployment::deployedModel).containsExactly("qwen3-14b-life");
        fx.assertApiError(apiError(() -> fx.client.getDeployment(created.deployedModel())), 404, "NotFound");
    }

    @Test
    void deployment_documentedErrors() throws Exception {
        fx.assertApiError(apiError(() -> fx.client.createDeployment(
                new CreateDeploymentRequest("no-such-model", 1, null, null))), 400, "InvalidParameter");
        Deployment created = fx.client.createDeployment(new CreateDeploymentRequest("qwen3-14b", 1, null, "dup"));
        fx.assertApiError(apiError(() -> fx.client.createDeployment(
                new CreateDeploymentRequest("qwen3-14b", 1, null, "dup"))), 409, "Conflict");
        fx.assertApiError(apiError(() -> fx.client.scaleDeployment(created.deployedModel(), 2)),
                400, "UnsupportedOperation");
        assertThat(fx.sandbox.forceStatus(created.deployedModel(), "STOPPED")).isTrue();
        assertThat(fx.client.getDeployment(created.deployedModel()).terminal()).isTrue();
    }
}
