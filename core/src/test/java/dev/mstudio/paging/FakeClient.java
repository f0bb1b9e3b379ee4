package dev.mstudio.paging;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.Checkpoint;
import dev.mstudio.client.CreateFineTuneRequest;
import dev.mstudio.client.CreateImportRequest;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.Job;
import dev.mstudio.client.LogPage;
import dev.mstudio.client.Page;
import dev.mstudio.testkit.JobsOnlyClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory client that counts its calls; listings can be held at a gate to test coalescing. */
final class FakeClient extends JobsOnlyClient {
    final List<ImportJob> imports = new CopyOnWriteArrayList<>();
    final List<FineTuneJob> fineTunes = new CopyOnWriteArrayList<>();
    final List<ImportQuery> importQueries = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** When set, listings count down {@link #entered} then wait here. */
    volatile CountDownLatch gate;
    final CountDownLatch entered = new CountDownLatch(1);
    /** Listings held at the gate that were interrupted (the caller gave up on them). */
    final AtomicInteger interrupted = new AtomicInteger();
    /** When set, the next call of any kind throws it (once). */
    volatile Exception failNext;
    /** Runs after each listing call, e.g. to add a job mid-walk. */
    volatile Runnable afterList = () -> { };

    static ImportJob importJob(String id, String status, String model) {
        return new ImportJob(id, model, "import " + id, status, "OSS", null, null, null,
                "2024-01-01T12:00:00.000+00:00", null);
    }

    static FineTuneJob fineTune(String id, String status, String model) {
        return new FineTuneJob(id, "job " + id, status, model + "-ft", model, model, List.of("file-1"), List.of(),
                null, "sft", "2024-10-29 16:53:53", null, null, null, null, null, null, null, null, null, null);
    }

    /** Adds {@code count} import jobs named imp-0001... with status SUCCESSED and model qwen-a. */
    FakeClient withImports(int count) {
        for (int i = 1; i <= count; i++) {
            imports.add(importJob(String.format("imp-%04d", i), "SUCCESSED", "qwen-a"));
        }
        return this;
    }

    FakeClient withFineTunes(int count) {
        for (int i = 1; i <= count; i++) {
            fineTunes.add(fineTune(String.format("ft-202410291653-%04d", i), "RUNNING", "qwen-b"));
        }
        return this;
    }

    int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public Page<ImportJob> listImports(ImportQuery query) throws IOException {
        enter("listImports");
        importQueries.add(query);
        Page<ImportJob> page = page(imports, query.status(), query.modelName(), query.pageNo(), query.pageSize());
        afterList.run();
        return page;
    }

    @Override
    public Page<FineTuneJob> listFineTunes(FineTuneQuery query) throws IOException {
        enter("listFineTunes");
        Page<FineTuneJob> page = page(fineTunes, query.status(), query.model(), query.pageNo(), query.pageSize());
        afterList.run();
        return page;
    }

    @Override
    public ImportJob getImport(String jobId) throws IOException {
        enter("getImport");
        return imports.stream().filter(job -> job.id().equals(jobId)).findFirst().orElseThrow(() -> notFound(jobId));
    }

    @Override
    public FineTuneJob getFineTune(String jobId) throws IOException {
        enter("getFineTune");
        return fineTunes.stream().filter(job -> job.id().equals(jobId)).findFirst().orElseThrow(() -> notFound(jobId));
    }

    @Override
    public ImportJob createImport(CreateImportRequest request) throws IOException {
        enter("createImport");
        ImportJob job = importJob("imp-new-" + imports.size(), "PENDING", request.baseModel());
        imports.add(0, job);
        return job;
    }

    @Override
    public ImportJob deleteImport(String jobId) throws IOException {
        enter("deleteImport");
        ImportJob job = getImport(jobId);
        imports.remove(job);
        return job;
    }

    @Override
    public FineTuneJob createFineTune(CreateFineTuneRequest request) throws IOException {
        enter("createFineTune");
        FineTuneJob job = fineTune("ft-new-" + fineTunes.size(), "PENDING", request.model());
        fineTunes.add(0, job);
        return job;
    }

    @Override
    public void cancelFineTune(String jobId) throws IOException {
        enter("cancelFineTune");
        FineTuneJob job = getFineTune(jobId);
        fineTunes.set(fineTunes.indexOf(job), fineTune(jobId, "CANCELED", job.model()));
    }

    @Override
    public void deleteFineTune(String jobId) throws IOException {
        enter("deleteFineTune");
        fineTunes.remove(getFineTune(jobId));
    }

    @Override
    public LogPage fineTuneLogs(String jobId, int offset, int lines) throws IOException {
        enter("fineTuneLogs");
        return new LogPage(0, List.of(), "req-logs");
    }

    @Override
    public List<Checkpoint> checkpoints(String jobId) throws IOException {
        enter("checkpoints");
        return List.of();
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:0/api/v1";
    }

    @Override
    public void close() {
    }

    private void enter(String method) throws IOException {
        calls.computeIfAbsent(method, name -> new AtomicInteger()).incrementAndGet();
        Exception failure = failNext;
        if (failure != null) {
            failNext = null;
            if (failure instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) failure;
        }
        CountDownLatch wait = gate;
        if (wait != null && method.startsWith("list")) {
            entered.countDown();
            try {
                wait.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private static ApiException notFound(String id) {
        return new ApiException(404, "NotFound", "job " + id + " not found", "req-404");
    }

    private static <T extends Job> Page<T> page(List<T> all, String status, String model, Integer pageNo, Integer size) {
        List<T> matching = new ArrayList<>();
        for (T job : all) {
            if ((status == null || status.equals(job.status())) && (model == null || model.equals(job.model()))) {
                matching.add(job);
            }
        }
        int no = pageNo == null ? 1 : pageNo;
        int pageSize = size == null ? 10 : size;
        int from = Math.min(matching.size(), (no - 1) * pageSize);
        int to = Math.min(matching.size(), from + pageSize);
        return new Page<>(matching.subList(from, to), matching.size(), no, pageSize, "req-" + no);
    }
}
