package dev.mstudio.client;

import static dev.mstudio.client.ClientSandboxFixture.CANCEL_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.CHECKPOINTS;
import static dev.mstudio.client.ClientSandboxFixture.CREATE_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.CREATE_IMPORT;
import static dev.mstudio.client.ClientSandboxFixture.DELETE_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.DELETE_IMPORT;
import static dev.mstudio.client.ClientSandboxFixture.GET_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.GET_IMPORT;
import static dev.mstudio.client.ClientSandboxFixture.KEY;
import static dev.mstudio.client.ClientSandboxFixture.LOGS;
import static dev.mstudio.client.ClientSandboxFixture.apiError;
import static dev.mstudio.client.ClientSandboxFixture.fineTuneRequest;
import static dev.mstudio.client.ClientSandboxFixture.importRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The error codes as the client reports them from real sandbox answers: InvalidParameter (from the
 * sandbox, and the client's own checks that send nothing), InvalidApiKey, NotFound. OperationDenied
 * and UnsupportedOperation live with the lifecycles that cause them ({@link ClientSandboxImportTest},
 * {@link ClientSandboxFineTuneTest}), as do Conflict and capacity Throttling; injected Throttling and
 * InternalError, with their retries, are in {@link ClientSandboxRetryTest}.
 */
class ClientSandboxErrorsTest {
    private ClientSandboxFixture f = ClientSandboxFixture.start();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void createImport_bucketNameOnlyTheServiceChecks_invalidParameter400() throws Exception {
        CreateImportRequest request = new CreateImportRequest("qwen3-32b", "lora", "My_Bucket", "models/x/", null);

        ApiException invalid = apiError(() -> f.client.createImport(request));

        f.assertApiError(invalid, 400, "InvalidParameter");
        assertThat(invalid.getMessage()).contains("storage_info.bucket_name", "My_Bucket");
        assertThat(f.count(CREATE_IMPORT)).isEqualTo(1);
        assertThat(f.client.listImports(ImportQuery.all()).total()).isZero();
    }

    @Test
    void createImport_baseModelThatCannotBeImported_notFound404() throws Exception {
        ApiException notFound = apiError(() -> f.client.createImport(importRequest("llama-3-70b", "lora", null)));

        f.assertApiError(notFound, 404, "NotFound");
        assertThat(notFound.getMessage()).contains("llama-3-70b", "does not support import");
        assertThat(f.count(CREATE_IMPORT)).isEqualTo(1);
    }

    @Test
    void createFineTune_valuesOnlyTheServiceChecks_invalidParameter400() throws Exception {
        Map<CreateFineTuneRequest, String> cases = Map.of(
                withHyper(new HyperParameters(0, null, null, null, null, null)),
                "hyper_parameters.n_epochs must be between 1 and 100; got 0.",
                withHyper(new HyperParameters(null, null, null, "2", null, null)),
                "hyper_parameters.learning_rate must be greater than 0 and less than 1",
                withHyper(new HyperParameters(null, null, null, null, "bogus", null)),
                "hyper_parameters.lr_scheduler_type must be one of linear",
                withHyper(new HyperParameters(null, null, null, null, null, 1.5)),
                "hyper_parameters.split must be greater than 0 and at most 1",
                fineTuneRequest("qwen3-8b", "bad suffix!"), "finetuned_output_suffix must be 1-64",
                fineTuneRequest("qwen 3", null), "model qwen 3 is not a valid model name.");

        for (Map.Entry<CreateFineTuneRequest, String> c : cases.entrySet()) {
            ApiException invalid = apiError(() -> f.client.createFineTune(c.getKey()));
            f.assertApiError(invalid, 400, "InvalidParameter");
            assertThat(invalid.getMessage()).as("for %s", c.getKey()).startsWith(c.getValue());
        }

        assertThat(f.count(CREATE_FINETUNE)).as("one request each, none retried").isEqualTo(cases.size());
        assertThat(f.client.listFineTunes(FineTuneQuery.all()).total()).isZero();
    }

    @Test
    void listImports_pageSizeOver100_illegalArgumentAndNothingSent() {
        assertThatThrownBy(() -> f.client.listImports(ImportQuery.all().withPage(1, 101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page_size");
        assertThatThrownBy(() -> f.client.listFineTunes(new FineTuneQuery(0, 10, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page_no");

        assertNothingSent();
    }

    @Test
    void createImport_objectKeyThatServiceWouldReject_illegalArgumentAndNothingSent() {
        assertThatThrownBy(() -> new CreateImportRequest("qwen3-32b", "lora", "b-1", "models/x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end with '/'");
        assertThatThrownBy(() -> new CreateImportRequest("qwen3-32b", "lora", "b-1", "/", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bucket root");
        assertThatThrownBy(() -> new CreateImportRequest("qwen3-32b", "qlora", "b-1", "m/", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight_type");
        assertThatThrownBy(() -> new CreateImportRequest("qwen3-32b", "lora", "b-1", "m/", "x".repeat(51)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("display_name");

        assertNothingSent();
    }

    @Test
    void createFineTune_noTrainingFilesOrUnknownType_illegalArgumentAndNothingSent() {
        assertThatThrownBy(() -> new CreateFineTuneRequest("qwen3-8b", List.of(), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training_file_ids");
        assertThatThrownBy(() -> new CreateFineTuneRequest("qwen3-8b", List.of("t"), null, null, "rlhf", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training_type");

        assertNothingSent();
    }

    @Test
    void fineTuneLogs_lineOver1000OrNegativeOffset_illegalArgumentAndNothingSent() throws Exception {
        String id = f.createFineTune("qwen3-8b", null).jobId();
        f.sandbox.resetStats();

        assertThatThrownBy(() -> f.client.fineTuneLogs(id, 0, 1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line");
        assertThatThrownBy(() -> f.client.fineTuneLogs(id, -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
        assertThatThrownBy(() -> f.client.fineTuneLogs(id, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line");

        assertThat(f.total()).isZero();
        assertThat(f.count(LOGS)).isZero();
    }

    @Test
    void getImport_wrongApiKey_invalidApiKey401WithoutLeakingTheKey() throws Exception {
        f.close();
        f = ClientSandboxFixture.start(sandbox -> sandbox.apiKey("sk-right"));

        ApiException denied = apiError(() -> f.client.getImport("0b1c2d3e"));

        f.assertApiError(denied, 401, "InvalidApiKey");
        assertThat(denied.getMessage()).isEqualTo("Invalid API-key provided.");
        assertThat(List.of(denied.getMessage(), denied.describe(), denied.toString()))
                .noneMatch(text -> text.contains(KEY) || text.contains("0123456789"));
        assertThat(f.count(GET_IMPORT)).as("a bad key is not retried").isEqualTo(1);
        assertThat(f.lastRequest().hasAuthorization()).isTrue();
        assertThat(f.lastRequest().toString()).doesNotContain(KEY);
    }

    @Test
    void createImport_wrongApiKey_invalidApiKey401AndNothingCreated() throws Exception {
        f.close();
        f = ClientSandboxFixture.start(sandbox -> sandbox.apiKey("sk-right"));

        ApiException denied = apiError(() -> f.createImport("never"));

        f.assertApiError(denied, 401, "InvalidApiKey");
        try (DashScopeClient right = f.clientBuilder(ClientConfig.of(f.sandbox.baseUrl(), "sk-right")).build()) {
            assertThat(right.listImports(ImportQuery.all()).total()).isZero();
            assertThat(right.createImport(importRequest("qwen3-8b", "lora", null)).status()).isEqualTo("PENDING");
        }
        assertThat(f.count(CREATE_IMPORT)).isEqualTo(2);
    }

    @Test
    void importEndpoints_unknownId_notFound404NotRetried() throws Exception {
        String id = "937b0000-2a4f-4000-8abe-c2fa00000000";

        ApiException get = f.assertApiError(apiError(() -> f.client.getImport(id)), 404, "NotFound");
        ApiException delete = f.assertApiError(apiError(() -> f.client.deleteImport(id)), 404, "NotFound");

        assertThat(get.getMessage()).isEqualTo("The import job " + id
                + " does not exist or you do not have permission to access it.");
        assertThat(delete.getMessage()).contains(id);
        assertThat(get.requestId()).isNotEqualTo(delete.requestId());
        assertThat(f.count(GET_IMPORT)).isEqualTo(1);
        assertThat(f.count(DELETE_IMPORT)).isEqualTo(1);
    }

    @Test
    void fineTuneEndpoints_unknownId_notFound404NotRetried() throws Exception {
        String id = "ft-202410291653-dead";
        List<ClientSandboxFixture.Call> calls = List.of(
                () -> f.client.getFineTune(id),
                () -> f.client.cancelFineTune(id),
                () -> f.client.deleteFineTune(id),
                () -> f.client.fineTuneLogs(id, 0, 10),
                () -> f.client.checkpoints(id));

        for (ClientSandboxFixture.Call call : calls) {
            ApiException notFound = f.assertApiError(apiError(call), 404, "NotFound");
            assertThat(notFound.getMessage()).isEqualTo("Fine-tune job " + id + " not found.");
        }

        assertThat(List.of(GET_FINETUNE, CANCEL_FINETUNE, DELETE_FINETUNE, LOGS, CHECKPOINTS))
                .allSatisfy(endpoint -> assertThat(f.count(endpoint)).as(endpoint).isEqualTo(1));
        assertThat(f.total()).isEqualTo(calls.size());
    }

    private static CreateFineTuneRequest withHyper(HyperParameters hyper) {
        return new CreateFineTuneRequest("qwen3-8b", List.of("train-1"), List.of(), hyper, null, null);
    }

    private void assertNothingSent() {
        assertThat(f.total()).isZero();
        assertThat(f.sandbox.stats().requests()).isEmpty();
        assertThat(f.sandbox.requests(10)).isEmpty();
    }
}
