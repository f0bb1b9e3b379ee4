package dev.mstudio.client;

import static dev.mstudio.client.ClientSandboxFixture.CREATE_IMPORT;
import static dev.mstudio.client.ClientSandboxFixture.DELETE_IMPORT;
import static dev.mstudio.client.ClientSandboxFixture.LIST_IMPORTS;
import static dev.mstudio.client.ClientSandboxFixture.START;
import static dev.mstudio.client.ClientSandboxFixture.apiError;
import static dev.mstudio.client.ClientSandboxFixture.importRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Import jobs end to end: the real client against the sandbox on loopback, on the sandbox's fake clock. */
class ClientSandboxImportTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    /** Longest possible pending phase of an import (40 s) plus a second: every new job is RUNNING then. */
    private static final Duration PAST_PENDING = Duration.ofSeconds(41);
    /** Longer than any import's whole life (40 s pending + 12 min running). */
    private static final Duration PAST_END = Duration.ofMinutes(13);

    private ClientSandboxFixture f = ClientSandboxFixture.start();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void createImport_loraFromOss_returnsPendingJobWithWeightTypeAndGeneratedName() throws Exception {
        ImportJob job = f.client.createImport(importRequest("qwen3-32b", "lora", "My LoRA model"));

        assertThat(job.jobId()).matches(UUID);
        assertThat(job.modelName()).matches("qwen3-32b-offline-20241029-[a-z0-9]{4}");
        assertThat(job.displayName()).isEqualTo("My LoRA model");
        assertThat(job.status()).isEqualTo("PENDING");
        assertThat(job.source()).isEqualTo("OSS");
        assertThat(job.weightType()).isEqualTo("lora");
        assertThat(job.storageInfo()).isEqualTo(new StorageInfo("my-model-bucket", "models/qwen3-32b-lora/"));
        assertThat(job.errorCode()).isNull();
        assertThat(job.gmtCreate()).isEqualTo("2024-10-29T16:53:53.000+00:00");
        assertThat(job.createdAt()).isEqualTo(START);
        assertThat(job.kind()).isEqualTo(JobKind.IMPORT);
        assertThat(job.model()).isEqualTo(job.modelName());
        assertThat(job.terminal()).isFalse();

        JsonNode sent = ClientSandboxFixture.body(f.lastRequest());
        assertThat(sent.path("source").asText()).isEqualTo("oss");
        assertThat(sent.path("model_name").asText()).isEqualTo("qwen3-32b");
        assertThat(sent.path("weight_type").asText()).isEqualTo("lora");
        assertThat(sent.path("storage_info").path("object_key").asText()).isEqualTo("models/qwen3-32b-lora/");
        assertThat(f.count(CREATE_IMPORT)).isEqualTo(1);
    }

    @Test
    void createImport_withoutDisplayName_defaultsToBaseModel() throws Exception {
        ImportJob job = f.client.createImport(importRequest("qwen3-8b", "full", null));

        assertThat(job.displayName()).isEqualTo("qwen3-8b");
        assertThat(job.weightType()).isEqualTo("full");
        assertThat(job.modelName()).matches("qwen3-8b-offline-20241029-[a-z0-9]{4}");
        assertThat(ClientSandboxFixture.body(f.lastRequest()).has("display_name")).isFalse();
    }

    @Test
    void getImport_afterCreate_returnsSameJobWithoutWeightType() throws Exception {
        ImportJob created = f.createImport("Support bot");

        ImportJob got = f.client.getImport(created.jobId());

        assertThat(got).usingRecursiveComparison().ignoringFields("weightType", "raw").isEqualTo(created);
        assertThat(got.weightType()).isNull();
        assertThat(got.raw().has("weight_type")).isFalse();
        assertThat(got.status()).isEqualTo("PENDING");
    }

    @Test
    void listImports_pageNoAndPageSize_pagesNewestFirstWithTotals() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(f.createImport("model " + i).jobId());
            f.advance(Duration.ofSeconds(1));
        }

        Page<ImportJob> first = f.client.listImports(new ImportQuery(1, 2, null, null));
        Page<ImportJob> second = f.client.listImports(new ImportQuery(2, 2, null, null));
        Page<ImportJob> third = f.client.listImports(new ImportQuery(3, 2, null, null));
        Page<ImportJob> beyond = f.client.listImports(new ImportQuery(4, 2, null, null));
        Page<ImportJob> all = f.client.listImports(ImportQuery.all());

        assertThat(List.of(first.total(), second.total(), third.total(), beyond.total())).containsOnly(5);
        assertThat(first.items()).extracting(ImportJob::jobId).containsExactly(ids.get(4), ids.get(3));
        assertThat(second.items()).extracting(ImportJob::jobId).containsExactly(ids.get(2), ids.get(1));
        assertThat(third.items()).extracting(ImportJob::jobId).containsExactly(ids.get(0));
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.pageNo(), second.pageNo(), third.pageNo())).containsExactly(1, 2, 3);
        assertThat(first.pageSize()).isEqualTo(2);
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(third.hasNext()).isFalse();
        assertThat(all.pageSize()).isEqualTo(10);
        assertThat(all.items()).extracting(ImportJob::jobId).containsExactlyElementsOf(reversed(ids));
        assertThat(all.items()).extracting(ImportJob::weightType).containsOnlyNulls();
        assertThat(first.requestId()).isNotBlank();
        assertThat(f.count(LIST_IMPORTS)).isEqualTo(5);
    }

    @Test
    void listImports_statusFilter_countsOnlyJobsInThatStatus() throws Exception {
        ImportJob running = f.createImport("running");
        f.advance(PAST_PENDING);
        ImportJob pending = f.createImport("pending");
        ImportJob forced = f.createImport("forced");
        assertThat(f.sandbox.forceStatus(forced.jobId(), "SUCCESSED")).isTrue();

        Page<ImportJob> runningPage = f.client.listImports(new ImportQuery(null, null, "RUNNING", null));
        Page<ImportJob> pendingPage = f.client.listImports(new ImportQuery(null, null, "PENDING", null));
        Page<ImportJob> succeeded = f.client.listImports(new ImportQuery(null, null, "SUCCESSED", null));
        Page<ImportJob> failed = f.client.listImports(new ImportQuery(null, null, "FAILED", null));

        assertThat(runningPage.total()).isEqualTo(1);
        assertThat(runningPage.items()).extracting(ImportJob::jobId, ImportJob::status)
                .containsExactly(tuple(running.jobId(), "RUNNING"));
        assertThat(pendingPage.total()).isEqualTo(1);
        assertThat(pendingPage.items()).extracting(ImportJob::jobId).containsExactly(pending.jobId());
        assertThat(succeeded.items()).extracting(ImportJob::jobId).containsExactly(forced.jobId());
        assertThat(succeeded.items().get(0).terminal()).isTrue();
        assertThat(failed.total()).isZero();
        assertThat(failed.items()).isEmpty();
        assertThat(f.lastRequest().query()).contains("status=FAILED");
    }

    @Test
    void listImports_modelNameFilter_matchesOnlyTheExactGeneratedName() throws Exception {
        f.createImport("one");
        ImportJob wanted = f.createImport("two");
        f.createImport("three");

        Page<ImportJob> exact = f.client.listImports(new ImportQuery(null, null, null, wanted.modelName()));
        Page<ImportJob> baseName = f.client.listImports(new ImportQuery(null, null, null, "qwen3-32b"));
        Page<ImportJob> wrongStatus = f.client.listImports(new ImportQuery(null, null, "RUNNING", wanted.modelName()));
        Page<ImportJob> rightStatus = f.client.listImports(new ImportQuery(1, 5, "PENDING", wanted.modelName()));

        assertThat(exact.total()).isEqualTo(1);
        assertThat(exact.items()).extracting(ImportJob::jobId, ImportJob::displayName)
                .containsExactly(tuple(wanted.jobId(), "two"));
        assertThat(baseName.total()).isZero();
        assertThat(baseName.items()).isEmpty();
        assertThat(wrongStatus.total()).isZero();
        assertThat(rightStatus.items()).extracting(ImportJob::jobId).containsExactly(wanted.jobId());
        assertThat(f.lastRequest().query()).contains("model_name=" + wanted.modelName(), "page_size=5");
    }

    @Test
    void getImport_onSandboxClock_goesPendingRunningSuccessed() throws Exception {
        ImportJob job = f.createImport("will succeed");

        List<String> seen = f.statusesUntilTerminal(() -> f.client.getImport(job.jobId()),
                Duration.ofSeconds(5), Duration.ofMinutes(20));

        assertThat(seen).containsExactly("PENDING", "RUNNING", "SUCCESSED");
        ImportJob done = f.client.getImport(job.jobId());
        assertThat(done.terminal()).isTrue();
        assertThat(done.errorCode()).isNull();
        assertThat(done.raw().has("error_code")).isFalse();
    }

    @Test
    void getImport_failingJobOnSandboxClock_goesPendingRunningFailedWithErrorCode() throws Exception {
        f.close();
        f = ClientSandboxFixture.start(sandbox -> sandbox.failureRate(1.0));
        ImportJob job = f.createImport("will fail");
        assertThat(job.errorCode()).isNull();

        List<String> seen = f.statusesUntilTerminal(() -> f.client.getImport(job.jobId()),
                Duration.ofSeconds(5), Duration.ofMinutes(20));

        assertThat(seen).containsExactly("PENDING", "RUNNING", "FAILED");
        ImportJob failed = f.client.getImport(job.jobId());
        assertThat(failed.errorCode()).isNotBlank().endsWith(".");
        assertThat(failed.terminal()).isTrue();
        Page<ImportJob> listed = f.client.listImports(new ImportQuery(null, null, "FAILED", null));
        assertThat(listed.items()).extracting(ImportJob::errorCode).containsExactly(failed.errorCode());
    }

    @Test
    void deleteImport_runningJob_operationDeniedAndJobUnchanged() throws Exception {
        ImportJob created = f.createImport("busy");
        f.advance(PAST_PENDING);
        ImportJob before = f.client.getImport(created.jobId());
        assertThat(before.status()).isEqualTo("RUNNING");

        ApiException denied = apiError(() -> f.client.deleteImport(created.jobId()));

        f.assertApiError(denied, 400, "OperationDenied");
        assertThat(denied.getMessage()).isEqualTo("The import job is currently running and cannot be deleted.");
        assertThat(denied.isThrottling()).isFalse();
        assertThat(denied.isServerError()).isFalse();
        assertThat(f.count(DELETE_IMPORT)).as("a denied delete is not retried").isEqualTo(1);
        ImportJob after = f.client.getImport(created.jobId());
        assertThat(after).usingRecursiveComparison().ignoringFields("raw").isEqualTo(before);
        assertThat(f.client.listImports(ImportQuery.all()).total()).isEqualTo(1);
    }

    @Test
    void deleteImport_pendingJob_operationDenied() throws Exception {
        ImportJob created = f.createImport("queued");

        ApiException denied = apiError(() -> f.client.deleteImport(created.jobId()));

        f.assertApiError(denied, 400, "OperationDenied");
        assertThat(f.client.getImport(created.jobId()).status()).isEqualTo("PENDING");
    }

    @Test
    void deleteImport_terminalJob_returnsItThenGetIsNotFound() throws Exception {
        ImportJob created = f.createImport("finished");
        f.advance(PAST_END);

        ImportJob deleted = f.client.deleteImport(created.jobId());

        assertThat(deleted.jobId()).isEqualTo(created.jobId());
        assertThat(deleted.modelName()).isEqualTo(created.modelName());
        assertThat(deleted.displayName()).isEqualTo("finished");
        assertThat(deleted.status()).isEqualTo("SUCCESSED");
        assertThat(deleted.weightType()).isNull();
        assertThat(deleted.storageInfo()).isEqualTo(created.storageInfo());

        ApiException gone = apiError(() -> f.client.getImport(created.jobId()));
        f.assertApiError(gone, 404, "NotFound");
        assertThat(gone.getMessage()).contains(created.jobId());
        assertThat(f.client.listImports(ImportQuery.all()).total()).isZero();
        f.assertApiError(apiError(() -> f.client.deleteImport(created.jobId())), 404, "NotFound");
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
