package dev.mstudio.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.control.Faults;
import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.HttpCall;
import dev.mstudio.sandbox.http.Json;
import dev.mstudio.sandbox.http.QueryParams;
import dev.mstudio.sandbox.http.Router;
import dev.mstudio.sandbox.store.FineTuneBody;
import dev.mstudio.sandbox.store.FineTuneFactory;
import dev.mstudio.sandbox.store.JobStore;
import dev.mstudio.sandbox.store.Lifecycle;
import dev.mstudio.sandbox.store.SandboxState;
import dev.mstudio.sandbox.store.StatusVocabulary;
import dev.mstudio.sandbox.store.StoredFineTune;
import dev.mstudio.sandbox.store.TrainingLog;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** {@code /api/v1/fine-tunes}: list, create, get, cancel, delete, logs and checkpoints. */
final class FineTuneApi {

    static final String COLLECTION = "/api/v1/fine-tunes";
    static final String ITEM = COLLECTION + "/{job_id}";
    static final int MAX_LOG_LINES = 1000;
    private static final int CREATE_ATTEMPTS = 20;
    private static final int THROTTLE_RETRY_AFTER_SECONDS = 30;
    /** A canceled job shows CANCELING for this long (realistically; divided by the speed), then CANCELED. */
    private static final long CANCEL_LOW_MS = 10_000;
    private static final long CANCEL_HIGH_MS = 30_000;
    private static final java.util.Set<String> CANCELABLE =
            java.util.Set.of(StatusVocabulary.PENDING, Lifecycle.QUEUING_STATUS, StatusVocabulary.RUNNING);

    private final SandboxState state;
    private final FineTuneFactory factory;
    private final Supplier<Faults> faults;
    private final Object createLock = new Object();

    FineTuneApi(SandboxState state, FineTuneFactory factory, Supplier<Faults> faults) {
        this.state = state;
        this.factory = factory;
        this.faults = faults;
    }

    void register(Router router) {
        router.api("GET", COLLECTION, this::list);
        router.api("POST", COLLECTION, this::create);
        router.api("GET", ITEM, this::get);
        router.api("DELETE", ITEM, this::delete);
        router.api("POST", ITEM + "/cancel", this::cancel);
        router.api("GET", ITEM + "/logs", this::logs);
        router.api("GET", ITEM + "/checkpoints", this::checkpoints);
    }

    private JsonNode list(HttpCall call) {
        int pageNo = QueryParams.pageNo(call);
        int pageSize = QueryParams.pageSize(call);
        String model = call.param("model");
        // the filter is undocumented; the sandbox can be told to ignore it, as the service may
        String status = faults.get().ignoreStatusFilter() ? null : call.param("status");
        long now = state.now();
        Predicate<StoredFineTune> byModel = model == null ? null
                : job -> model.equals(job.model()) || model.equals(job.baseModel());
        JobStore.Page<StoredFineTune> page = jobs(call).page(status, now, byModel, pageNo, pageSize);
        ObjectNode out = Json.object()
                .put("page_no", pageNo)
                .put("page_size", pageSize)
                .put("total", page.total());
        ArrayNode jobs = out.putArray("jobs");
        page.items().forEach(job -> jobs.add(job.toJson(now)));
        return out;
    }

    private JsonNode create(HttpCall call) {
        FineTuneBody request = FineTuneBody.parse(call.jsonObject(true));
        String workspace = state.workspace(call);
        JobStore<StoredFineTune> jobs = state.fineTunes().in(workspace);
        long now = state.now();
        synchronized (createLock) {
            checkCapacity(now);
            checkSuffix(jobs, request);
            StoredFineTune job = factory.create(request, workspace, now);
            for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++, job = factory.withNewId(job)) {
                if (!state.fineTunes().containsId(job.id()) && jobs.add(job)) {
                    return job.toJson(now);
                }
            }
        }
        throw ApiError.internal();
    }

    private void checkCapacity(long now) {
        int max = state.maxActiveFineTunes();
        if (max > 0 && state.fineTunes().count(job -> !job.isTerminal(now)) >= max) {
            throw ApiError.throttled("Too many fine-tune jobs are running. Please retry later.",
                    THROTTLE_RETRY_AFTER_SECONDS);
        }
    }

    private static void checkSuffix(JobStore<StoredFineTune> jobs, FineTuneBody request) {
        String suffix = request.suffix();
        if (suffix != null && jobs.findFirst(job ->
                suffix.equals(job.suffix()) && request.model().equals(job.model())).isPresent()) {
            throw ApiError.conflict("Model instance " + request.model() + "-" + suffix
                    + " already exists, please specify a suffix");
        }
    }

    private JsonNode get(HttpCall call) {
        return find(call).toJson(state.now());
    }

    private JsonNode cancel(HttpCall call) {
        StoredFineTune job = find(call);
        long now = state.now();
        long stopped = now + state.duration(CANCEL_LOW_MS, CANCEL_HIGH_MS);
        Lifecycle.Forced canceling =
                new Lifecycle.Forced(Lifecycle.CANCELING_STATUS, now, StatusVocabulary.CANCELED, stopped);
        if (!jobs(call).forceIf(job, CANCELABLE::contains, canceling)) {
            throw ApiError.unsupported("The fine-tune job cannot be canceled because its status is "
                    + job.status(now) + "; only PENDING, QUEUING or RUNNING jobs can be canceled.");
        }
        return Json.object().put("status", "success");
    }

    private JsonNode delete(HttpCall call) {
        String id = call.var("job_id");
        long now = state.now();
        jobs(call).remove(id, job -> {
            if (job.createdMs() > now) {
                throw notFound(id);
            }
            if (!job.isTerminal(now)) {
                throw ApiError.unsupported("The fine-tune job cannot be deleted because its status is "
                        + job.status(now) + "; cancel it first or wait until it ends.");
            }
        }).orElseThrow(() -> notFound(id));
        return Json.object().put("status", "success");
    }

    private JsonNode logs(HttpCall call) {
        int offset = QueryParams.intParam(call, "offset", 0, 0, Integer.MAX_VALUE,
                "offset must be a non-negative integer");
        int line = QueryParams.intParam(call, "line", 100, 1, MAX_LOG_LINES,
                "line must be between 1 and " + MAX_LOG_LINES);
        StoredFineTune job = find(call);
        List<String> lines = TrainingLog.lines(job, state.now());
        ObjectNode out = Json.object().put("total", lines.size());
        ArrayNode logs = out.putArray("logs");
        lines.stream().skip(offset).limit(line).forEach(logs::add);
        return out;
    }

    private JsonNode checkpoints(HttpCall call) {
        return TrainingLog.checkpoints(find(call), state.now());
    }

    private StoredFineTune find(HttpCall call) {
        String id = call.var("job_id");
        long now = state.now();
        return jobs(call).get(id).filter(job -> job.createdMs() <= now).orElseThrow(() -> notFound(id));
    }

    /** The fine-tunes of the request's workspace: the only ones it may see or change. */
    private JobStore<StoredFineTune> jobs(HttpCall call) {
        return state.fineTunes().in(state.workspace(call));
    }

    private static ApiError notFound(String id) {
        return ApiError.notFound("Fine-tune job " + id + " not found.");
    }
}
