package dev.mstudio.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.Fields;
import dev.mstudio.sandbox.http.HttpCall;
import dev.mstudio.sandbox.http.Json;
import dev.mstudio.sandbox.http.QueryParams;
import dev.mstudio.sandbox.http.Router;
import dev.mstudio.sandbox.store.SandboxState;
import dev.mstudio.sandbox.store.StoredDeployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /api/v1/deployments}: create, list, get, scale and delete, with lifecycles on the clock. */
final class DeploymentsApi {
    static final String COLLECTION = "/api/v1/deployments";
    static final String ITEM = COLLECTION + "/{deployed_model}";
    static final int MAX_CAPACITY = 100;
    static final int MAX_DEPLOYMENTS = 1_000;
    private static final Set<String> PLANS = Set.of("lora", "mu");
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final long PENDING_LOW_MS = 10_000;
    private static final long PENDING_HIGH_MS = 30_000;
    private static final long DEPLOY_LOW_MS = 180_000;
    private static final long DEPLOY_HIGH_MS = 480_000;

    private final SandboxState state;

    DeploymentsApi(SandboxState state) {
        this.state = state;
    }

    void register(Router router) {
        router.api("POST", COLLECTION, this::create);
        router.api("GET", COLLECTION, this::list);
        router.api("GET", ITEM, this::get);
        router.api("DELETE", ITEM, this::delete);
        router.api("PUT", ITEM + "/scale", this::scale);
    }

    private JsonNode create(HttpCall call) {
        ObjectNode body = call.jsonObject(true);
        String model = Fields.requiredString(body, "model_name");
        int capacity = capacity(body);
        String plan = Fields.optionalString(body, "plan");
        if (plan != null && !PLANS.contains(plan.toLowerCase(Locale.ROOT))) {
            throw ApiError.invalid("plan must be lora or mu; got " + plan + ".");
        }
        String suffix = Fields.optionalString(body, "suffix");
        if (suffix != null && !SUFFIX.matcher(suffix).matches()) {
            throw ApiError.invalid("suffix must be 1-64 letters, digits, '-' or '_'; got " + suffix + ".");
        }
        String workspace = state.workspace(call);
        String base = state.models().baseOf(workspace, model)
                .orElseThrow(() -> ApiError.invalid("Model " + model + " does not exist in this workspace;"
                        + " export a checkpoint or name a fine-tuned model."));
        String id = model + "-" + (suffix != null ? suffix : state.dice().alnum(6).toLowerCase(Locale.ROOT));
        long now = state.now();
        long deploying = now + state.duration(PENDING_LOW_MS, PENDING_HIGH_MS);
        StoredDeployment deployed = new StoredDeployment(workspace, id, model, base,
                plan == null ? "lora" : plan.toLowerCase(Locale.ROOT), state.userId(), capacity, now, deploying,
                deploying + state.duration(DEPLOY_LOW_MS, DEPLOY_HIGH_MS), state.decidesFailure());
        synchronized (deployments()) {
            if (deployments().size() >= MAX_DEPLOYMENTS) {
                throw ApiError.throttled("Too many deployments. Delete some first.", 60);
            }
            if (deployments().putIfAbsent(id, deployed) != null) {
                throw ApiError.conflict("Deployment " + id + " already exists; choose another suffix.");
            }
        }
        return deployed.toJson(now);
    }

    private JsonNode list(HttpCall call) {
        int pageNo = QueryParams.pageNo(call);
        int pageSize = QueryParams.pageSize(call);
        String workspace = state.workspace(call);
        long now = state.now();
        List<StoredDeployment> mine = new ArrayList<>(deployments().values().stream()
                .filter(d -> d.workspace().equals(workspace) && d.createdMs() <= now).toList());
        mine.sort((a, b) -> Long.compare(b.createdMs(), a.createdMs()));
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("deployments");
        mine.stream().skip((long) (pageNo - 1) * pageSize).limit(pageSize).forEach(d -> items.add(d.toJson(now)));
        return out.put("total", mine.size()).put("page_no", pageNo).put("page_size", pageSize);
    }

    private JsonNode get(HttpCall call) {
        return find(call).toJson(state.now());
    }

    private JsonNode scale(HttpCall call) {
        StoredDeployment deployed = find(call);
        ObjectNode body = call.jsonObject(true);
        String named = Fields.requiredString(body, "deployed_model");
        if (!named.equals(deployed.id())) {
            throw ApiError.invalid("deployed_model in the body (" + named + ") is not the one in the path.");
        }
        int capacity = capacity(body);
        long now = state.now();
        if (!deployed.scale(capacity, now, now + state.duration(PENDING_LOW_MS, DEPLOY_LOW_MS))) {
            throw ApiError.unsupported("Deployment " + deployed.id() + " cannot be scaled because its status is "
                    + deployed.status(now) + "; only RUNNING deployments can be scaled.");
        }
        return deployed.toJson(now);
    }

    private JsonNode delete(HttpCall call) {
        StoredDeployment deployed = find(call);
        long now = state.now();
        deployments().remove(deployed.id());
        deployed.force("DELETING", now);
        return deployed.toJson(now);
    }

    private StoredDeployment find(HttpCall call) {
        String id = call.var("deployed_model");
        return Optional.ofNullable(deployments().get(id))
                .filter(d -> d.workspace().equals(state.workspace(call)) && d.createdMs() <= state.now())
                .orElseThrow(() -> ApiError.notFound("Deployment " + id + " not found."));
    }

    private static int capacity(ObjectNode body) {
        JsonNode node = body.get("capacity");
        if (node == null || node.isNull()) {
            throw ApiError.invalid("Missing required parameter: capacity.");
        }
        return Fields.intIn(node, "capacity", 1, MAX_CAPACITY);
    }

    private Map<String, StoredDeployment> deployments() {
        return state.deployments();
    }
}
