package dev.mstudio.client;

import static dev.mstudio.client.ClientSandboxFixture.CANCEL_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.CREATE_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.CREATE_IMPORT;
import static dev.mstudio.client.ClientSandboxFixture.DELETE_IMPORT;
import static dev.mstudio.client.ClientSandboxFixture.GET_FINETUNE;
import static dev.mstudio.client.ClientSandboxFixture.GET_IMPORT;
import static dev.mstudio.client.ClientSandboxFixture.LIST_FINETUNES;
import static dev.mstudio.client.ClientSandboxFixture.apiError;
import static dev.mstudio.client.ClientSandboxFixture.fineTuneRequest;
import static dev.mstudio.client.ClientSandboxFixture.importRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.sandbox.control.Faults;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Injected Throttling 429 and InternalError 500 against the client's retry policy: GETs retry up to
 * maxAttempts, cancel/delete only on throttling, creates never. The sandbox counts what really arrived;
 * the fake sleeper records the waits (Retry-After for 429, full-jitter backoff pinned to its top for 500).
 */
class ClientSandboxRetryTest {
    private static final Faults THROTTLE_ALL = new Faults(0, 0.0, 1.0, 0);
    private static final Faults FAIL_ALL = new Faults(0, 1.0, 0.0, 0);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final ClientSandboxFixture f = ClientSandboxFixture.start(sandbox -> { }, client -> client.maxAttempts(3));

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void getImport_throttleRateOne_retriedMaxAttemptsTimesThenThrottling429() throws Exception {
        String id = f.createImport("x").jobId();
        f.sandbox.faults(THROTTLE_ALL);

        ApiException throttled = apiError(() -> f.client.getImport(id));

        f.assertApiError(throttled, 429, "Throttling");
        assertThat(throttled.isThrottling()).isTrue();
        assertThat(throttled.retryAfter()).contains(ONE_SECOND);
        assertThat(f.count(GET_IMPORT)).isEqualTo(3);
        assertThat(f.sleeper.waits()).as("the sandbox's Retry-After, twice").containsExactly(ONE_SECOND, ONE_SECOND);
    }

    @Test
    void listFineTunes_throttleRateOneAndDefaultMaxAttempts_sandboxCountsFourRequests() throws Exception {
        try (DashScopeClient client = f.clientBuilder(ClientConfig.of(f.sandbox.baseUrl(), "sk-x")).build()) {
            f.sandbox.faults(THROTTLE_ALL);

            f.assertApiError(apiError(() -> client.listFineTunes(FineTuneQuery.all())), 429, "Throttling");
        }

        assertThat(f.count(LIST_FINETUNES)).isEqualTo(4);
        assertThat(f.total()).isEqualTo(4);
        assertThat(f.sleeper.waits()).hasSize(3).containsOnly(ONE_SECOND);
    }

    @Test
    void createImport_throttleRateOne_sentOnceAndNothingCreated() throws Exception {
        f.sandbox.faults(THROTTLE_ALL);

        ApiException throttled = apiError(() -> f.client.createImport(importRequest("qwen3-8b", "lora", null)));

        f.assertApiError(throttled, 429, "Throttling");
        assertThat(f.count(CREATE_IMPORT)).isEqualTo(1);
        assertThat(f.sleeper.waits()).isEmpty();
        f.sandbox.faults(Faults.NONE);
        assertThat(f.client.listImports(ImportQuery.all()).total()).isZero();
    }

    @Test
    void createFineTune_throttleRateOne_sentOnce() throws Exception {
        f.sandbox.faults(THROTTLE_ALL);

        f.assertApiError(apiError(() -> f.client.createFineTune(fineTuneRequest("qwen3-8b", null))), 429, "Throttling");

        assertThat(f.count(CREATE_FINETUNE)).isEqualTo(1);
        assertThat(f.sleeper.waits()).isEmpty();
    }

    @Test
    void cancelFineTune_throttleRateOne_retriedBecauseNothingWasDone() throws Exception {
        String id = f.createFineTune("qwen3-8b", null).jobId();
        f.sandbox.faults(THROTTLE_ALL);

        f.assertApiError(apiError(() -> f.client.cancelFineTune(id)), 429, "Throttling");

        assertThat(f.count(CANCEL_FINETUNE)).isEqualTo(3);
        f.sandbox.faults(Faults.NONE);
        assertThat(f.client.getFineTune(id).status()).isEqualTo("PENDING");
    }

    @Test
    void getImport_throttledThenFaultsCleared_succeedsOnTheRetry() throws Exception {
        String id = f.createImport("x").jobId();
        FakeSleeper recorder = f.sleeper;
        Sleeper clearsFaults = wait -> {
            recorder.sleep(wait);
            f.sandbox.faults(Faults.NONE);
        };
        try (DashScopeClient client = f.clientBuilder(ClientConfig.of(f.sandbox.baseUrl(), "sk-x"))
                .sleeper(clearsFaults).build()) {
            f.sandbox.faults(THROTTLE_ALL);

            ImportJob job = client.getImport(id);

            assertThat(job.jobId()).isEqualTo(id);
            assertThat(job.status()).isEqualTo("PENDING");
        }
        assertThat(f.count(GET_IMPORT)).isEqualTo(2);
        assertThat(f.sandbox.requests(2)).extracting(r -> r.status()).containsExactly(429, 200);
        assertThat(f.sleeper.waits()).containsExactly(ONE_SECOND);
    }

    @Test
    void getFineTune_errorRateOne_retriedWithBackoffThenInternalError500() throws Exception {
        String id = f.createFineTune("qwen3-8b", null).jobId();
        f.sandbox.faults(FAIL_ALL);

        ApiException failed = apiError(() -> f.client.getFineTune(id));

        f.assertApiError(failed, 500, "InternalError");
        assertThat(failed.getMessage()).isEqualTo("Internal server error!");
        assertThat(failed.isServerError()).isTrue();
        assertThat(failed.retryAfter()).isEmpty();
        assertThat(f.count(GET_FINETUNE)).isEqualTo(3);
        assertThat(f.sleeper.waits()).as("full jitter at its top: 250 ms, then 500 ms")
                .containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void createFineTune_errorRateOne_sentOnce() throws Exception {
        f.sandbox.faults(FAIL_ALL);

        f.assertApiError(apiError(() -> f.client.createFineTune(fineTuneRequest("qwen3-8b", null))),
                500, "InternalError");

        assertThat(f.count(CREATE_FINETUNE)).isEqualTo(1);
        assertThat(f.sleeper.waits()).isEmpty();
    }

    @Test
    void deleteImport_errorRateOne_notRetriedBecauseItMayHaveActed() throws Exception {
        String id = f.createImport("x").jobId();
        f.sandbox.faults(FAIL_ALL);

        f.assertApiError(apiError(() -> f.client.deleteImport(id)), 500, "InternalError");

        assertThat(f.count(DELETE_IMPORT)).isEqualTo(1);
        assertThat(f.sleeper.waits()).isEmpty();
    }
}
