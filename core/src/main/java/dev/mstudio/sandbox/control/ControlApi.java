package dev.mstudio.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.BearerKey;
import dev.mstudio.sandbox.http.Fields;
import dev.mstudio.sandbox.http.HttpCall;
import dev.mstudio.sandbox.http.HttpReply;
import dev.mstudio.sandbox.http.Json;
import dev.mstudio.sandbox.http.QueryParams;
import dev.mstudio.sandbox.http.RouteHandler;
import dev.mstudio.sandbox.http.Router;
import dev.mstudio.sandbox.store.SandboxState;
import dev.mstudio.sandbox.store.Seeder;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code /_sandbox/...}: the sandbox's own control API for tests, demos and benchmarks (the API's
 * bearer key when one is configured), and what it controls: the faults the API injects and the
 * record of the traffic the API saw.
 */
public final class ControlApi implements RouteHandler {

    static final int DEFAULT_REQUEST_LIMIT = 50;
    private static final int MAX_STATUS_LENGTH = 64;

    private final SandboxState state;
    private final Seeder seeder;
    private final Traffic traffic = new Traffic();
    private final Router router = new Router();
    private volatile Faults faults = Faults.NONE;

    public ControlApi(SandboxState state, Seeder seeder) {
        this.state = state;
        this.seeder = seeder;
        register(router);
    }

    /** The faults the API injects now. */
    public Faults faults() {
        return faults;
    }

    /** Replaces the faults; {@link Faults#NONE} turns them off. */
    public void faults(Faults faults) {
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    /** The API's request counters and its last requests. */
    public Traffic traffic() {
        return traffic;
    }

    /** Removes every job, file, deployment and exported model, and clears the traffic record. */
    public void reset() {
        state.reset();
        traffic.clear();
    }

    @Override
    public HttpReply handle(HttpCall call) {
        Router.Resolution route = router.resolve(call.method(), call.segments());
        try {
            if (state.apiKey() != null) {
                // a sandbox started with a key guards its controls as the API: same key, same error
                BearerKey.check(state.apiKey(), call.header("Authorization"));
            }
            return route.answer(call, "Not found: there is no sandbox control at " + call.path() + ".");
        } catch (ApiError e) {
            return HttpReply.error(call.requestId(), e);
        } catch (IllegalArgumentException e) {
            return HttpReply.error(call.requestId(), ApiError.invalid(e.getMessage()));
        } catch (RuntimeException e) {
            return HttpReply.error(call.requestId(), ApiError.internal());
        }
    }

    private void register(Router router) {
        router.add("GET", "/_sandbox/stats", call -> HttpReply.flat(call.requestId(), stats()));
        router.add("DELETE", "/_sandbox/stats", call -> {
            traffic.resetStats();
            return HttpReply.flat(call.requestId(), stats());
        });
        router.add("GET", "/_sandbox/requests", this::requests);
        router.add("POST", "/_sandbox/reset", call -> {
            reset();
            return HttpReply.flat(call.requestId(), Json.object().put("status", "success"));
        });
        router.add("POST", "/_sandbox/seed", this::seed);
        router.add("GET", "/_sandbox/faults", call -> HttpReply.flat(call.requestId(), faultsJson()));
        router.add("POST", "/_sandbox/faults", this::setFaults);
        router.add("POST", "/_sandbox/jobs/{job_id}/status", this::forceStatus);
    }

    private ObjectNode stats() {
        ObjectNode out = Json.object().put("total", traffic.total());
        ObjectNode counts = out.putObject("requests");
        new TreeMap<>(traffic.counts()).forEach(counts::put);
        return out;
    }

    private HttpReply requests(HttpCall call) {
        int limit = QueryParams.intParam(call, "limit", DEFAULT_REQUEST_LIMIT, 1, Traffic.CAPACITY,
                "limit must be between 1 and " + Traffic.CAPACITY);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("requests");
        for (RecordedRequest request : traffic.last(limit)) {
            list.add(toJson(request));
        }
        return HttpReply.flat(call.requestId(), out);
    }

    private static ObjectNode toJson(RecordedRequest request) {
        ObjectNode out = Json.object()
                .put("time", request.time().toString())
                .put("method", request.method())
                .put("path", request.path())
                .put("query", request.query())
                .put("template", request.template())
                .put("workspace", request.workspace())
                .put("has_authorization", request.hasAuthorization());
        out.set("body", bodyJson(request.body()));
        return out.put("status", request.status()).put("request_id", request.requestId());
    }

    /** A JSON body is shown as JSON; anything else as text. */
    private static JsonNode bodyJson(String body) {
        if (body == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        try {
            return Json.parse(body);
        } catch (ApiError e) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(body);
        }
    }

    private HttpReply seed(HttpCall call) {
        ObjectNode body = call.jsonObject(false);
        int imports = body.has("imports") ? Fields.intIn(body.get("imports"), "imports", 0, Seeder.MAX_PER_CALL) : 0;
        int fineTunes = body.has("finetunes")
                ? Fields.intIn(body.get("finetunes"), "finetunes", 0, Seeder.MAX_PER_CALL) : 0;
        double active = body.has("active") ? Fields.number(body.get("active"), "active") : 0.5;
        if (!(active >= 0 && active <= 1)) {
            throw ApiError.invalid("active must be between 0 and 1; got " + active + ".");
        }
        String workspace = body.has("workspace") ? Fields.requiredString(body, "workspace") : state.defaultWorkspace();
        Seeder.Counts added = seeder.seed(imports, fineTunes, active, workspace);
        ObjectNode out = Json.object()
                .put("imports", added.imports())
                .put("finetunes", added.fineTunes())
                .put("workspace", workspace)
                .put("total_imports", state.imports().size())
                .put("total_finetunes", state.fineTunes().size());
        return HttpReply.flat(call.requestId(), out);
    }

    private ObjectNode faultsJson() {
        Faults f = faults;
        return Json.object()
                .put("latency_ms", f.latencyMs())
                .put("error_rate", f.errorRate())
                .put("throttle_rate", f.throttleRate())
                .put("stall_ms", f.stallMs())
                .put("ignore_status_filter", f.ignoreStatusFilter());
    }

    /** Replaces all faults; fields left out are 0. */
    private HttpReply setFaults(HttpCall call) {
        ObjectNode body = call.jsonObject(false);
        int maxMs = (int) Faults.MAX_DELAY_MS;
        long latency = body.has("latency_ms") ? Fields.intIn(body.get("latency_ms"), "latency_ms", 0, maxMs) : 0;
        long stall = body.has("stall_ms") ? Fields.intIn(body.get("stall_ms"), "stall_ms", 0, maxMs) : 0;
        double errors = rate(body, "error_rate");
        double throttles = rate(body, "throttle_rate");
        boolean ignoreStatus = body.has("ignore_status_filter")
                && Fields.bool(body.get("ignore_status_filter"), "ignore_status_filter");
        faults(new Faults(latency, errors, throttles, stall, ignoreStatus));
        return HttpReply.flat(call.requestId(), faultsJson());
    }

    private static double rate(ObjectNode body, String field) {
        if (!body.has(field)) {
            return 0.0;
        }
        double rate = Fields.number(body.get(field), field);
        if (!(rate >= 0 && rate <= 1)) {
            throw ApiError.invalid(field + " must be between 0 and 1; got " + rate + ".");
        }
        return rate;
    }

    private HttpReply forceStatus(HttpCall call) {
        String id = call.var("job_id");
        String status = Fields.requiredString(call.jsonObject(true), "status");
        if (status.length() > MAX_STATUS_LENGTH) {
            throw ApiError.invalid("status must be at most " + MAX_STATUS_LENGTH + " characters.");
        }
        if (!state.forceStatus(id, status)) {
            throw ApiError.notFound("No import job, fine-tune job or deployment has the ID " + id + ".");
        }
        return HttpReply.flat(call.requestId(), Json.object().put("job_id", id).put("status", status));
    }
}
