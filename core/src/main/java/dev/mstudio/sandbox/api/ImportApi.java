package dev.mstudio.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.HttpCall;
import dev.mstudio.sandbox.http.Json;
import dev.mstudio.sandbox.http.QueryParams;
import dev.mstudio.sandbox.http.Router;
import dev.mstudio.sandbox.store.ImportBody;
import dev.mstudio.sandbox.store.ImportFactory;
import dev.mstudio.sandbox.store.JobStore;
import dev.mstudio.sandbox.store.SandboxState;
import dev.mstudio.sandbox.store.StoredImport;
import java.util.List;

/** {@code /api/v1/custom_models/import}: list, create, get and delete import jobs. */
final class ImportApi {

    static final String COLLECTION = "/api/v1/custom_models/import";
    static final String ITEM = COLLECTION + "/{job_id}";

    private final SandboxState state;
    private final ImportFactory factory;

    ImportApi(SandboxState state, ImportFactory factory) {
        this.state = state;
        this.factory = factory;
    }

    void register(Router router) {
        router.api("GET", COLLECTION, this::list);
        router.api("POST", COLLECTION, this::create);
        router.api("GET", ITEM, this::get);
        router.api("DELETE", ITEM, this::delete);
    }

    private JsonNode list(HttpCall call) {
        int pageNo = QueryParams.pageNo(call);
        int pageSize = QueryParams.pageSize(call);
        String status = call.param("status");
        String modelName = call.param("model_name");
        long now = state.now();
        JobStore.Page<StoredImport> page = modelName == null
                ? jobs(call).page(status, now, null, pageNo, pageSize)
                : byModelName(jobs(call), modelName, status, now, pageNo);
        ObjectNode out = Json.object()
                .put("total", page.total())
                .put("page_no", pageNo)
                .put("page_size", pageSize);
        ArrayNode list = out.putArray("list");
        page.items().forEach(job -> list.add(job.toJson(now, false)));
        return out;
    }

    /** model_name is unique, so the filter is a lookup rather than a scan. */
    private static JobStore.Page<StoredImport> byModelName(JobStore<StoredImport> jobs, String modelName, String status,
                                                       long now, int pageNo) {
        List<StoredImport> match = jobs.byName(modelName)
                .filter(job -> status == null || job.status(now).equalsIgnoreCase(status))
                .map(List::of)
                .orElse(List.of());
        return new JobStore.Page<>(match.size(), pageNo == 1 ? match : List.of());
    }

    private JsonNode create(HttpCall call) {
        ImportBody request = ImportBody.parse(call.jsonObject(true));
        long now = state.now();
        return factory.create(request, state.workspace(call), now).toJson(now, true);
    }

    private JsonNode get(HttpCall call) {
        long now = state.now();
        return find(call).toJson(now, false);
    }

    private JsonNode delete(HttpCall call) {
        String id = call.var("job_id");
        long now = state.now();
        StoredImport removed = jobs(call).remove(id, job -> {
            if (job.createdMs() > now) {
                throw notFound(id);
            }
            if (!job.isTerminal(now)) {
                throw ApiError.denied("The import job is currently running and cannot be deleted.");
            }
        }).orElseThrow(() -> notFound(id));
        return removed.toJson(now, false);
    }

    private StoredImport find(HttpCall call) {
        String id = call.var("job_id");
        long now = state.now();
        return jobs(call).get(id).filter(job -> job.createdMs() <= now).orElseThrow(() -> notFound(id));
    }

    /** The imports of the request's workspace: the only ones it may see or change. */
    private JobStore<StoredImport> jobs(HttpCall call) {
        return state.imports().in(state.workspace(call));
    }

    private static ApiError notFound(String id) {
        return ApiError.notFound("The import job " + id + " does not exist or you do not have"
                + " permission to access it.");
    }
}
