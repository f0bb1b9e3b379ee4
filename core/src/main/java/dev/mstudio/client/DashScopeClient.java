package dev.mstudio.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;

/**
 * The typed DashScope client for import and fine-tune jobs. One instance is shared; it is
 * thread-safe. API failures throw {@link ApiException}; transport failures throw {@link IOException};
 * bad input throws {@link IllegalArgumentException} before anything is sent.
 *
 * <pre>{@code
 * DashScopeClient client = DashScopeClient.builder()
 *         .config(ClientConfig.fromEnvironment())
 *         .build();
 * }</pre>
 */
public interface DashScopeClient extends AutoCloseable {

    /** A builder; {@link Builder#config(ClientConfig)} is required, everything else has a default. */
    static Builder builder() {
        return new Builder();
    }

    Page<ImportJob> listImports(ImportQuery query) throws IOException;

    ImportJob getImport(String jobId) throws IOException;

    ImportJob createImport(CreateImportRequest request) throws IOException;

    /** Deletes a terminal import job and returns it as it was. */
    ImportJob deleteImport(String jobId) throws IOException;

    Page<FineTuneJob> listFineTunes(FineTuneQuery query) throws IOException;

    FineTuneJob getFineTune(String jobId) throws IOException;

    FineTuneJob createFineTune(CreateFineTuneRequest request) throws IOException;

    void cancelFineTune(String jobId) throws IOException;

    void deleteFineTune(String jobId) throws IOException;

    /** Log lines from {@code offset} (0 = first), at most {@code lines} (1..1000). */
    LogPage fineTuneLogs(String jobId, int offset, int lines) throws IOException;

    List<Checkpoint> checkpoints(String jobId) throws IOException;

    // ---- the fine-tuning workflow: files, export, deployments ----

    /** A page of uploaded data files; pageNo from 1, pageSize 1..100. */
    FilePage listFiles(int pageNo, int pageSize) throws IOException;

    DataFile getFile(String fileId) throws IOException;

    /**
     * Uploads local files for fine-tuning in one request. A file the service refused (listed in
     * {@code failed_uploads}) fails the whole call with an {@link ApiException}.
     */
    List<DataFile> uploadFiles(List<FileUpload> uploads) throws IOException;

    void deleteFile(String fileId) throws IOException;

    /** Exports a checkpoint of a fine-tune job as a model named {@code modelName}; the service's true or false. */
    boolean exportCheckpoint(String jobId, String checkpoint, String modelName) throws IOException;

    DeploymentPage listDeployments(int pageNo, int pageSize) throws IOException;

    Deployment getDeployment(String deployedModel) throws IOException;

    Deployment createDeployment(CreateDeploymentRequest request) throws IOException;

    Deployment scaleDeployment(String deployedModel, int capacity) throws IOException;

    void deleteDeployment(String deployedModel) throws IOException;

    /** The base URL this client calls, e.g. https://dashscope-intl.aliyuncs.com/api/v1 (never a secret). */
    String baseUrl();

    @Override
    void close();

    /**
     * Configures a client. Defaults: connect timeout 10 s, read 30 s, write 30 s, whole call 60 s
     * (per attempt); at most 4 attempts within a 30 s budget; backoff 250 ms doubling to 8 s with
     * full jitter; the system clock, real sleeping, {@link ThreadLocalRandom}; a process-wide shared
     * {@link OkHttpClient} to derive from.
     */
    final class Builder {
        ClientConfig config;
        OkHttpClient okHttpClient;
        Clock clock = Clock.systemUTC();
        Sleeper sleeper = Sleeper.system();
        RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
        int maxAttempts = 4;
        Duration retryBudget = Duration.ofSeconds(30);
        Duration backoffBase = Duration.ofMillis(250);
        Duration backoffCap = Duration.ofSeconds(8);
        Duration connectTimeout = Duration.ofSeconds(10);
        Duration readTimeout = Duration.ofSeconds(30);
        Duration writeTimeout = Duration.ofSeconds(30);
        Duration callTimeout = Duration.ofSeconds(60);
        long maxBodyBytes = ResponseDecoder.MAX_BODY_BYTES;

        Builder() {
        }

        /** Where to call and with which key; required. */
        public Builder config(ClientConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** An application's own client to derive from (its pool and dispatcher are shared, never shut down). */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
            return this;
        }

        /** The clock that measures the retry budget and interprets Retry-After dates. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How backoff waits are spent. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The source of backoff jitter. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Attempts per call, the first included (1 = never retry). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be 1 or more, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Total time, measured on the clock, after which no further retry is started. */
        public Builder retryBudget(Duration retryBudget) {
            this.retryBudget = nonNegative(retryBudget, "retryBudget");
            return this;
        }

        /** Exponential backoff: the first retry waits up to {@code base}, doubling up to {@code cap}. */
        public Builder backoff(Duration base, Duration cap) {
            this.backoffBase = nonNegative(base, "base");
            this.backoffCap = nonNegative(cap, "cap");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = nonNegative(timeout, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = nonNegative(timeout, "readTimeout");
            return this;
        }

        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = nonNegative(timeout, "writeTimeout");
            return this;
        }

        /** Bound on one attempt from DNS to the last body byte (0 = none). */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = nonNegative(timeout, "callTimeout");
            return this;
        }

        /** The largest response body read (tests lower it); bigger ones are refused as unexpected. */
        Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** @throws IllegalStateException when no config was given */
        public DashScopeClient build() {
            if (config == null) {
                throw new IllegalStateException("config is required, e.g. .config(ClientConfig.fromEnvironment())");
            }
            return HttpDashScopeClient.create(this);
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + value);
            }
            return value;
        }
    }
}
