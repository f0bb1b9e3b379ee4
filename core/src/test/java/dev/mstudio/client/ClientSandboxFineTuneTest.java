package dev.mstudio.client;

import static dev.mstudio.client.ClientSandboxFixture.CANCEL_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.CREATE_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.DELETE_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.START;
import static dev.mstudio.client.ClientSandboxFixture.apiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fine-tune jobs end to end: create, get, list, cancel, delete, Conflict and Throttling, unknown statuses. */
class ClientSandboxFineTuneTest {
    /** Longest possible pending phase of a fine-tune (90 s) plus a second. */
    private static final Duration PAST_PENDING = Duration.ofSeconds(91);
    /** Longer than any 3-epoch fine-tune's whole life (90 s + 2 min + 3 x 6 min). */
    private static final Duration PAST_END = Duration.ofHours(1);

    private ClientSandboxFixture f = ClientSandboxFixture.start();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void createFineTune_hyperParametersAndTrainingType_everyFieldComesBack() throws Exception {
        HyperParameters hyper = new HyperParameters(2, 8, 4096, "2e-5", "cosine", 0.8);
        CreateFineTuneRequest request = new CreateFineTuneRequest("qwen3-14b", List.of("train-1", "train-2"),
                List.of("valid-1"), hyper, "efficient_sft", "support");

        FineTuneJob job = f.client.createFineTune(request);

        assertThat(job.jobId()).matches("ft-202410291653-[0-9a-f]{4}");
        assertThat(job.jobName()).isEqualTo(job.jobId());
        assertThat(job.status()).isEqualTo("PENDING");
        assertThat(job.finetunedOutput()).isNull();
        assertThat(job.model()).isEqualTo("qwen3-14b");
        assertThat(job.baseModel()).isEqualTo("qwen3-14b");
        assertThat(job.trainingFileIds()).containsExactly("train-1", "train-2");
        assertThat(job.validationFileIds()).containsExactly("valid-1");
        assertThat(job.hyperParameters()).isEqualTo(hyper);
        assertThat(job.trainingType()).isEqualTo("efficient_sft");
        assertThat(job.createTime()).isEqualTo("2024-10-29 16:53:53");
        assertThat(job.createdAt()).isEqualTo(START);
        assertThat(job.endTime()).isNull();
        assertThat(job.workspaceId()).matches("llm-[a-z0-9]{16}");
        assertThat(job.userIdentity()).matches("[1-9][0-9]{15}");
        assertThat(job.creator()).isEqualTo(job.userIdentity());
        assertThat(job.modifier()).isEqualTo(job.userIdentity());
        assertThat(job.group()).isEqualTo("llm");
        assertThat(job.usage()).isZero();
        assertThat(job.code()).isNull();
        assertThat(job.message()).isNull();
        assertThat(job.jobName()).isEqualTo(job.jobId());
        assertThat(job.displayName()).as("a job name that is just the ID names nothing more").isNull();
        assertThat(job.terminal()).isFalse();

        JsonNode sent = ClientSandboxFixture.body(f.lastRequest());
        assertThat(sent.path("hyper_parameters").path("learning_rate").asText()).isEqualTo("2e-5");
        assertThat(sent.path("hyper_parameters").path("split").asDouble()).isEqualTo(0.8);
        assertThat(sent.path("finetuned_output_suffix").asText()).isEqualTo("support");

        f.advance(PAST_END);
        FineTuneJob done = f.client.getFineTune(job.jobId());
        assertThat(done.status()).isEqualTo("SUCCEEDED");
        assertThat(done.finetunedOutput()).isEqualTo("qwen3-14b-support-" + job.jobId());
        assertThat(done.displayName()).isEqualTo(done.finetunedOutput());
        assertThat(done.usage()).isPositive();
        assertThat(done.endedAt()).isAfter(START).isBefore(START.plus(PAST_END));
    }

    @Test
    void createFineTune_noHyperParametersOrType_getsServiceDefaultsAndSft() throws Exception {
        FineTuneJob job = f.createFineTune("qwen3-8b", null);

        assertThat(job.trainingType()).isEqualTo("sft");
        assertThat(job.hyperParameters()).isEqualTo(new HyperParameters(3, 32, 8192, "1.6e-5", "linear", 0.9));
        assertThat(job.validationFileIds()).isEmpty();
        JsonNode sent = ClientSandboxFixture.body(f.lastRequest());
        assertThat(sent.has("hyper_parameters")).isFalse();
        assertThat(sent.has("training_type")).isFalse();
    }

    @Test
    void getFineTune_afterCreate_returnsTheSameJob() throws Exception {
        FineTuneJob created = f.createFineTune("qwen3-8b", "kb");

        FineTuneJob got = f.client.getFineTune(created.jobId());

        assertThat(got).usingRecursiveComparison().ignoringFields("raw").isEqualTo(created);
        assertThat(got.raw()).isEqualTo(created.raw());
    }

    @Test
    void listFineTunes_modelAndStatusFilters_totalsAndNewestFirst() throws Exception {
        FineTuneJob a = f.createFineTune("qwen3-14b", null);
        f.advance(Duration.ofSeconds(1));
        FineTuneJob b = f.createFineTune("qwen3-8b", null);
        f.advance(Duration.ofSeconds(1));
        FineTuneJob c = f.createFineTune("qwen3-14b", null);
        f.advance(Duration.ofSeconds(1));
        FineTuneJob d = f.createFineTune("qwen3-14b", null);
        f.client.cancelFineTune(c.jobId());

        Page<FineTuneJob> all = f.client.listFineTunes(FineTuneQuery.all());
        Page<FineTuneJob> model = f.client.listFineTunes(new FineTuneQuery(null, null, "qwen3-14b", null));
        Page<FineTuneJob> modelPage2 = f.client.listFineTunes(new FineTuneQuery(2, 2, "qwen3-14b", null));
        Page<FineTuneJob> canceled = f.client.listFineTunes(new FineTuneQuery(null, null, "qwen3-14b", "CANCELING"));
        Page<FineTuneJob> pending = f.client.listFineTunes(new FineTuneQuery(null, null, null, "PENDING"));
        Page<FineTuneJob> none = f.client.listFineTunes(new FineTuneQuery(null, null, "qwen-max", null));

        assertThat(all.total()).isEqualTo(4);
        assertThat(all.items()).extracting(FineTuneJob::jobId)
                .containsExactly(d.jobId(), c.jobId(), b.jobId(), a.jobId());
        assertThat(model.total()).isEqualTo(3);
        assertThat(model.items()).extracting(FineTuneJob::jobId).containsExactly(d.jobId(), c.jobId(), a.jobId());
        assertThat(modelPage2.total()).isEqualTo(3);
        assertThat(modelPage2.pageNo()).isEqualTo(2);
        assertThat(modelPage2.items()).extracting(FineTuneJob::jobId).containsExactly(a.jobId());
        assertThat(canceled.total()).isEqualTo(1);
        assertThat(canceled.items()).extracting(FineTuneJob::jobId, FineTuneJob::status)
                .containsExactly(tuple(c.jobId(), "CANCELING"));
        assertThat(pending.items()).extracting(FineTuneJob::jobId).containsExactly(d.jobId(), b.jobId(), a.jobId());
        assertThat(none.total()).isZero();
        assertThat(none.items()).isEmpty();
    }

    @Test
    void cancelFineTune_pendingJob_becomesCanceledWithCode1() throws Exception {
        FineTuneJob job = f.createFineTune("qwen3-8b", null);

        f.client.cancelFineTune(job.jobId());
        FineTuneJob canceling = f.client.getFineTune(job.jobId());
        f.advance(Duration.ofMinutes(1));

        FineTuneJob canceled = f.client.getFineTune(job.jobId());
        assertThat(canceling.status()).isEqualTo("CANCELING");
        assertThat(canceling.terminal()).isFalse();
        assertThat(canceled.status()).isEqualTo("CANCELED");
        assertThat(canceled.code()).isEqualTo("1");
        // canceled at 16:53:53; CANCELING for 10 to 30 seconds
        assertThat(canceled.endTime()).isBetween("2024-10-29 16:54:03", "2024-10-29 16:54:23");
        assertThat(canceled.terminal()).isTrue();
        assertThat(f.count(CANCEL_FINETUNE)).isEqualTo(1);
        List<String> log = f.client.fineTuneLogs(job.jobId(), 0, 1000).lines();
        assertThat(log.get(log.size() - 1)).endsWith("Job canceled.");
    }

    @Test
    void cancelFineTune_runningJob_becomesCanceledAndStaysSo() throws Exception {
        FineTuneJob job = f.createFineTune("qwen3-8b", null);
        f.advance(PAST_PENDING);
        assertThat(f.client.getFineTune(job.jobId()).status()).isEqualTo("RUNNING");

        f.client.cancelFineTune(job.jobId());
        f.advance(PAST_END);

        FineTuneJob canceled = f.client.getFineTune(job.jobId());
        assertThat(canceled.status()).isEqualTo("CANCELED");
        assertThat(canceled.endTime()).isBetween("2024-10-29 16:55:34", "2024-10-29 16:55:54");
        assertThat(canceled.finetunedOutput()).isNull();
    }

    @Test
    void cancelFineTune_terminalJob_unsupportedOperationAndStatusKept() throws Exception {
        FineTuneJob canceled = f.createFineTune("qwen3-8b", null);
        f.client.cancelFineTune(canceled.jobId());
        FineTuneJob succeeded = f.createFineTune("qwen3-14b", null);
        f.advance(PAST_END);

        ApiException again = apiError(() -> f.client.cancelFineTune(canceled.jobId()));
        f.assertApiError(again, 400, "UnsupportedOperation");
        assertThat(again.getMessage()).contains("CANCELED");
        ApiException done = apiError(() -> f.client.cancelFineTune(succeeded.jobId()));
        f.assertApiError(done, 400, "UnsupportedOperation");
        assertThat(done.getMessage()).contains("SUCCEEDED");

        assertThat(f.count(CANCEL_FINETUNE)).as("no retries").isEqualTo(3);
        assertThat(f.client.getFineTune(canceled.jobId()).status()).isEqualTo("CANCELED");
        assertThat(f.client.getFineTune(succeeded.jobId()).status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void deleteFineTune_pendingOrRunningJob_unsupportedOperationAndJobKept() throws Exception {
        FineTuneJob running = f.createFineTune("qwen3-8b", null);
        f.advance(PAST_PENDING);
        FineTuneJob pending = f.createFineTune("qwen3-8b", null);

        ApiException whileRunning = apiError(() -> f.client.deleteFineTune(running.jobId()));
        f.assertApiError(whileRunning, 400, "UnsupportedOperation");
        assertThat(whileRunning.getMessage()).contains("RUNNING");
        ApiException whilePending = apiError(() -> f.client.deleteFineTune(pending.jobId()));
        f.assertApiError(whilePending, 400, "UnsupportedOperation");

        assertThat(f.count(DELETE_FINETUNE)).isEqualTo(2);
        assertThat(f.client.getFineTune(running.jobId()).status()).isEqualTo("RUNNING");
        assertThat(f.client.listFineTunes(FineTuneQuery.all()).total()).isEqualTo(2);
    }

    @Test
    void deleteFineTune_endedJob_succeedsThenGetIsNotFound() throws Exception {
        FineTuneJob job = f.createFineTune("qwen3-8b", null);
        f.client.cancelFineTune(job.jobId());
        f.advance(Duration.ofMinutes(1));

        f.client.deleteFineTune(job.jobId());

        ApiException gone = apiError(() -> f.client.getFineTune(job.jobId()));
        f.assertApiError(gone, 404, "NotFound");
        assertThat(gone.getMessage()).contains(job.jobId());
        assertThat(f.client.listFineTunes(FineTuneQuery.all()).total()).isZero();
        f.assertApiError(apiError(() -> f.client.deleteFineTune(job.jobId())), 404, "NotFound");
    }

    @Test
    void createFineTune_duplicateSuffixForSameModel_conflict409NotRetried() throws Exception {
        f.createFineTune("qwen3-14b", "support");

        ApiException conflict = apiError(() -> f.createFineTune("qwen3-14b", "support"));

        f.assertApiError(conflict, 409, "Conflict");
        assertThat(conflict.getMessage()).contains("qwen3-14b-support");
        assertThat(conflict.isThrottling()).isFalse();
        FineTuneJob otherModel = f.createFineTune("qwen3-8b", "support");
        assertThat(otherModel.status()).isEqualTo("PENDING");
        assertThat(f.count(CREATE_FINETUNE)).isEqualTo(3);
        assertThat(f.client.listFineTunes(FineTuneQuery.all()).total()).isEqualTo(2);
    }

    @Test
    void createFineTune_overMaxActiveFineTunes_throttling429NotRetried() throws Exception {
        f.close();
        f = ClientSandboxFixture.start(sandbox -> sandbox.maxActiveFineTunes(2));
        FineTuneJob first = f.createFineTune("qwen3-8b", null);
        f.createFineTune("qwen3-8b", null);

        ApiException throttled = apiError(() -> f.createFineTune("qwen3-8b", null));

        f.assertApiError(throttled, 429, "Throttling");
        assertThat(throttled.isThrottling()).isTrue();
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(f.count(CREATE_FINETUNE)).as("a create is never retried").isEqualTo(3);
        assertThat(f.sleeper.waits()).isEmpty();
        assertThat(f.client.listFineTunes(FineTuneQuery.all()).total()).isEqualTo(2);

        f.client.cancelFineTune(first.jobId());
        f.advance(Duration.ofMinutes(1));
        assertThat(f.createFineTune("qwen3-8b", null).status()).isEqualTo("PENDING");
    }

    @Test
    void getFineTune_forcedUnknownStatus_keptVerbatimAndNonTerminal() throws Exception {
        FineTuneJob job = f.createFineTune("qwen3-8b", null);
        assertThat(f.sandbox.forceStatus(job.jobId(), "QUEUING")).isTrue();
        f.advance(PAST_END);

        FineTuneJob queuing = f.client.getFineTune(job.jobId());
        Page<FineTuneJob> listed = f.client.listFineTunes(new FineTuneQuery(null, null, null, "QUEUING"));

        assertThat(queuing.status()).isEqualTo("QUEUING");
        assertThat(queuing.terminal()).isFalse();
        assertThat(JobKind.FINETUNE.isKnown(queuing.status())).isFalse();
        assertThat(queuing.endTime()).isNull();
        assertThat(listed.items()).extracting(FineTuneJob::jobId, FineTuneJob::status)
                .containsExactly(tuple(job.jobId(), "QUEUING"));
        f.client.cancelFineTune(job.jobId());
        f.advance(Duration.ofMinutes(1));
        assertThat(f.client.getFineTune(job.jobId()).status()).isEqualTo("CANCELED");
    }
}
