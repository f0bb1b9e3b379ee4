package dev.mstudio.watch;

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
import dev.mstudio.client.StorageInfo;
import dev.mstudio.testkit.JobsOnlyClient;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory DashScope that counts the watcher's calls and fails on request. */
final class FakeClient extends JobsOnlyClient {
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Deque<Exception> failures = new ArrayDeque<>();
    final AtomicInteger lists = new AtomicInteger();
    final AtomicInteger gets = new AtomicInteger();
    final List<String> calls = new ArrayList<>();

    synchronized ImportJob putImport(String id, String status, String model) {
        ImportJob job = importJob(id, status, model, "FAILED".equals(status) ? "ModelFileInvalid" : null);
        jobs.put(id, job);
        return job;
    }

    synchronized FineTuneJob putFineTune(String id, String status, String model) {
        FineTuneJob job = fineTuneJob(id, status, model);
        jobs.put(id, job);
        return job;
    }

    /** Changes a job's status the way the service would (a FAILED import gets an error code). */
    synchronized void setStatus(String id, String status) {
        Job job = jobs.get(id);
        if (job instanceof ImportJob imp) {
            putImport(id, status, imp.modelName());
        } else {
            putFineTune(id, status, job.model());
        }
    }

    synchronized void delete(String id) {
        jobs.remove(id);
    }

    /** The next calls throw these, one each. */
    synchronized void failNext(Exception... errors) {
        failures.addAll(List.of(errors));
    }

    int requests() {
        return lists.get() + gets.get();
    }

    void resetCounts() {
        lists.set(0);
        gets.set(0);
        synchronized (this) {
            calls.clear();
        }
    }

    static ApiException throttling() {
        return new ApiException(429, "Throttling", "Requests throttling triggered.", "req-429");
    }

    @Override
    public Page<ImportJob> listImports(ImportQuery query) throws IOException {
        return list(ImportJob.class, query.status(), query.pageNo(), query.pageSize());
    }

    @Override
    public Page<FineTuneJob> listFineTunes(FineTuneQuery query) throws IOException {
        return list(FineTuneJob.class, query.status(), query.pageNo(), query.pageSize());
    }

    @Override
    public ImportJob getImport(String jobId) throws IOException {
        return get(ImportJob.class, jobId);
    }

    @Override
    public FineTuneJob getFineTune(String jobId) throws IOException {
        return get(FineTuneJob.class, jobId);
    }

    private synchronized <T extends Job> Page<T> list(Class<T> type, String status, Integer pageNo, Integer size)
            throws IOException {
        lists.incrementAndGet();
        calls.add("list " + status + " " + pageNo);
        failIfAsked();
        List<T> matching = jobs.values().stream().filter(type::isInstance).map(type::cast)
                .filter(j -> status == null || status.equals(j.status())).toList();
        int from = Math.min(matching.size(), (pageNo - 1) * size);
        int to = Math.min(matching.size(), from + size);
        return new Page<>(matching.subList(from, to), matching.size(), pageNo, size, "req-list");
    }

    private synchronized <T extends Job> T get(Class<T> type, String id) throws IOException {
        gets.incrementAndGet();
        calls.add("get " + id);
        failIfAsked();
        Job job = jobs.get(id);
        if (!type.isInstance(job)) {
            throw new ApiException(404, "NotFound", "Not Found!", "req-404");
        }
        return type.cast(job);
    }

    private void failIfAsked() throws IOException {
        Exception failure = failures.poll();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }

    static ImportJob importJob(String id, String status, String model, String errorCode) {
        return new ImportJob(id, model, "name-" + id, status, "OSS", null,
                new StorageInfo("bucket", "models/" + id + "/"), errorCode, "2024-01-01T12:00:00.000+00:00", null);
    }

    static FineTuneJob fineTuneJob(String id, String status, String model) {
        return new FineTuneJob(id, "job-" + id, status, null, model, model, List.of("file-1"), List.of(), null,
                "sft", "2024-10-29 16:53:53", null, "ws", "user", "user", "user", "llm", null,
                "FAILED".equals(status) ? "TrainingError" : null, null, null);
    }

    @Override
    public synchronized ImportJob createImport(CreateImportRequest request) {
        return putImport("imp-" + jobs.size(), "PENDING", request.baseModel());
    }

    @Override
    public synchronized ImportJob deleteImport(String jobId) throws IOException {
        ImportJob job = getImport(jobId);
        jobs.remove(jobId);
        return job;
    }

    @Override
    public synchronized FineTuneJob createFineTune(CreateFineTuneRequest request) {
        return putFineTune("ft-" + jobs.size(), "PENDING", request.model());
    }

    @Override
    public synchronized void cancelFineTune(String jobId) {
        setStatus(jobId, "CANCELED");
    }

    @Override
    public synchronized void deleteFineTune(String jobId) {
        jobs.remove(jobId);
    }

    @Override
    public LogPage fineTuneLogs(String jobId, int offset, int lines) {
        return new LogPage(0, List.of(), "req-logs");
    }

    @Override
    public List<Checkpoint> checkpoints(String jobId) {
        return List.of();
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:1/api/v1";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
