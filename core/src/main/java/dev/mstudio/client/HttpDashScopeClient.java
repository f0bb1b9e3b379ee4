package dev.mstudio.client;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The OkHttp + Jackson {@link DashScopeClient}.
 *
 * <p>Every instance derives its {@link OkHttpClient} with {@code newBuilder()} from one process-wide
 * client (or the application's own), so connection pools and dispatchers are shared. Timeouts are
 * set deliberately: <b>connect 10 s</b> (a reachable host answers far sooner), <b>read 30 s</b> and
 * <b>write 30 s</b> (between bytes; the API's bodies are small), <b>call 60 s</b> (one attempt, end to
 * end). Bodies are read up to 16 MB ({@link ResponseDecoder#MAX_BODY_BYTES}). OkHttp's own
 * {@code retryOnConnectionFailure} is off: {@link Retrier} owns the whole retry policy, so a
 * non-idempotent request is never silently sent twice.
 *
 * <p>GETs are retried on throttling, server errors and transport failures; cancel and delete only
 * on throttling or when the connection could not be made; creates never. Interrupting the calling
 * thread cancels the call in flight (or the wait before a retry) at once: it ends with an
 * {@link java.io.InterruptedIOException}, the interrupt flag still set, and no further attempt.
 */
final class HttpDashScopeClient implements DashScopeClient {
    /** OkHttp's default connection specs: TLS for https, plain for http. */
    private static final List<ConnectionSpec> TLS_AND_CLEARTEXT = List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);
    static final String USER_AGENT = "mstudio/" + version();

    private final ClientConfig config;
    private final OkHttpClient http;
    private final Requests requests;
    private final ResponseDecoder decoder;
    private final Retrier retrier;
    private final TransportErrors transportErrors;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final WorkflowCalls workflow;

    private HttpDashScopeClient(ClientConfig config, OkHttpClient http, ResponseDecoder decoder, Retrier retrier,
            TransportErrors transportErrors) {
        this.config = config;
        this.http = http;
        this.requests = new Requests(config, USER_AGENT);
        this.decoder = decoder;
        this.retrier = retrier;
        this.transportErrors = transportErrors;
        this.workflow = new WorkflowCalls(new WorkflowRequests(requests), this::call);
    }

    static HttpDashScopeClient create(DashScopeClient.Builder b) {
        OkHttpClient.Builder builder;
        if (b.okHttpClient != null) {
            builder = b.okHttpClient.newBuilder();
        } else {
            // TLS costs ~100 ms at start-up (trust store, providers): only an https base URL pays for it
            builder = Shared.CLIENT.newBuilder().connectionSpecs(b.config.baseUrl().regionMatches(true, 0, "https:", 0, 6)
                    ? TLS_AND_CLEARTEXT : List.of(ConnectionSpec.CLEARTEXT));
        }
        OkHttpClient http = builder
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .writeTimeout(b.writeTimeout)
                .callTimeout(b.callTimeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
        Retrier retrier = new Retrier(b.clock, b.sleeper, b.random, b.maxAttempts,
                b.retryBudget, b.backoffBase, b.backoffCap);
        ResponseDecoder decoder = new ResponseDecoder(b.clock, b.config.apiKey(), b.maxBodyBytes);
        TransportErrors transportErrors = new TransportErrors(b.connectTimeout, b.readTimeout, b.callTimeout);
        return new HttpDashScopeClient(b.config, http, decoder, retrier, transportErrors);
    }

    @Override
    public Page<ImportJob> listImports(ImportQuery query) throws IOException {
        ImportQuery q = query == null ? ImportQuery.all() : query;
        Reply reply = call(RetryMode.IDEMPOTENT, requests.listImports(q));
        return JobMapping.importPage(reply, q.pageNo(), q.pageSize());
    }

    @Override
    public ImportJob getImport(String jobId) throws IOException {
        return importJob(call(RetryMode.IDEMPOTENT, requests.getImport(jobId)));
    }

    @Override
    public ImportJob createImport(CreateImportRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        return importJob(call(RetryMode.NEVER, requests.createImport(request)));
    }

    @Override
    public ImportJob deleteImport(String jobId) throws IOException {
        return importJob(call(RetryMode.UNLESS_DELIVERED, requests.deleteImport(jobId)));
    }

    @Override
    public Page<FineTuneJob> listFineTunes(FineTuneQuery query) throws IOException {
        FineTuneQuery q = query == null ? FineTuneQuery.all() : query;
        Reply reply = call(RetryMode.IDEMPOTENT, requests.listFineTunes(q));
        return JobMapping.fineTunePage(reply, q.pageNo(), q.pageSize());
    }

    @Override
    public FineTuneJob getFineTune(String jobId) throws IOException {
        return fineTuneJob(call(RetryMode.IDEMPOTENT, requests.getFineTune(jobId)));
    }

    @Override
    public FineTuneJob createFineTune(CreateFineTuneRequest request) throws IOException {
        Objects.requireNonNull(request, "request");
        return fineTuneJob(call(RetryMode.NEVER, requests.createFineTune(request)));
    }

    @Override
    public void cancelFineTune(String jobId) throws IOException {
        requireSuccess(call(RetryMode.UNLESS_DELIVERED, requests.cancelFineTune(jobId)));
    }

    @Override
    public void deleteFineTune(String jobId) throws IOException {
        requireSuccess(call(RetryMode.UNLESS_DELIVERED, requests.deleteFineTune(jobId)));
    }

    @Override
    public LogPage fineTuneLogs(String jobId, int offset, int lines) throws IOException {
        Validation.logWindow(offset, lines);
        return JobMapping.logPage(call(RetryMode.IDEMPOTENT, requests.fineTuneLogs(jobId, offset, lines)));
    }

    @Override
    public List<Checkpoint> checkpoints(String jobId) throws IOException {
        return JobMapping.checkpoints(call(RetryMode.IDEMPOTENT, requests.checkpoints(jobId)));
    }

    @Override
    public FilePage listFiles(int pageNo, int pageSize) throws IOException {
        return workflow.listFiles(pageNo, pageSize);
    }

    @Override
    public DataFile getFile(String fileId) throws IOException {
        return workflow.getFile(fileId);
    }

    @Override
    public List<DataFile> uploadFiles(List<FileUpload> uploads) throws IOException {
        return workflow.uploadFiles(uploads);
    }

    @Override
    public void deleteFile(String fileId) throws IOException {
        workflow.deleteFile(fileId);
    }

    @Override
    public boolean exportCheckpoint(String jobId, String checkpoint, String modelName) throws IOException {
        return workflow.export(jobId, checkpoint, modelName);
    }

    @Override
    public DeploymentPage listDeployments(int pageNo, int pageSize) throws IOException {
        return workflow.listDeployments(pageNo, pageSize);
    }

    @Override
    public Deployment getDeployment(String deployedModel) throws IOException {
        return workflow.getDeployment(deployedModel);
    }

    @Override
    public Deployment createDeployment(CreateDeploymentRequest request) throws IOException {
        return workflow.createDeployment(request);
    }

    @Override
    public Deployment scaleDeployment(String deployedModel, int capacity) throws IOException {
        return workflow.scaleDeployment(deployedModel, capacity);
    }

    @Override
    public void deleteDeployment(String deployedModel) throws IOException {
        workflow.deleteDeployment(deployedModel);
    }

    @Override
    public String baseUrl() {
        return config.redactedBaseUrl();
    }

    /** Further calls fail; the shared pool and dispatcher are left to their owner. */
    @Override
    public void close() {
        closed.set(true);
    }

    @Override
    public String toString() {
        return "DashScopeClient[baseUrl=" + config.redactedBaseUrl() + ", apiKey=" + config.maskedApiKey()
                + ", workspace=" + config.workspace() + "]";
    }

    private Reply call(RetryMode mode, Request request) throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("this DashScopeClient is closed");
        }
        return retrier.run(mode, () -> exchange(request));
    }

    /**
     * One attempt; interrupting the calling thread cancels it (see {@link InterruptibleCall}). A
     * transport failure is rethrown naming the host and the reason in words.
     */
    private Reply exchange(Request request) throws IOException {
        try {
            return InterruptibleCall.execute(http.newCall(request), decoder::decode);
        } catch (IOException e) {
            throw transportErrors.explain(e, request.url());
        }
    }

    /** output {"status":"success"}; any other stated status is not a success. */
    private static void requireSuccess(Reply reply) {
        String status = JsonFields.text(reply.output(), "status");
        if (status != null && !status.equalsIgnoreCase("success")) {
            throw reply.unexpected("output status is '" + status + "', not 'success'");
        }
    }

    private static ImportJob importJob(Reply reply) {
        return JobMapping.importJob(JobMapping.requireJob(reply, reply.requireObject("an import job"), "the import job"));
    }

    private static FineTuneJob fineTuneJob(Reply reply) {
        return JobMapping.fineTuneJob(JobMapping.requireJob(reply, reply.requireObject("a fine-tune job"),
                "the fine-tune job"));
    }

    /**
     * The client every instance derives from unless the builder was given one (so connection pool
     * and dispatcher are shared). It has no TLS set up: each derived client that needs it adds it.
     */
    private static final class Shared {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();

        private Shared() {
        }
    }

    private static String version() {
        String version = HttpDashScopeClient.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0-SNAPSHOT";
    }
}
