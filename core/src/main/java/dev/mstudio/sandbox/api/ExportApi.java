package dev.mstudio.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.HttpCall;
import dev.mstudio.sandbox.http.Router;
import dev.mstudio.sandbox.store.SandboxState;
import dev.mstudio.sandbox.store.StoredFineTune;
import dev.mstudio.sandbox.store.TrainingLog;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/fine-tunes/{job_id}/export/{checkpoint}?model_name=NAME}: makes a saved
 * checkpoint a model of the workspace under NAME (then deployable); answers {@code output: true}.
 */
final class ExportApi {
    static final String EXPORT = FineTuneApi.ITEM + "/export/{checkpoint}";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final SandboxState state;

    ExportApi(SandboxState state) {
        this.state = state;
    }

    void register(Router router) {
        router.api("GET", EXPORT, this::export);
    }

    private JsonNode export(HttpCall call) {
        String name = call.param("model_name");
        if (name == null) {
            throw ApiError.invalid("Missing required parameter: model_name.");
        }
        if (!NAME.matcher(name).matches()) {
            throw ApiError.invalid("model_name must be 1-64 letters, digits, '.', '-' or '_'; got " + name + ".");
        }
        String id = call.var("job_id");
        long now = state.now();
        String workspace = state.workspace(call);
        StoredFineTune job = state.fineTunes().in(workspace).get(id).filter(j -> j.createdMs() <= now)
                .orElseThrow(() -> ApiError.notFound("Fine-tune job " + id + " not found."));
        String checkpoint = call.var("checkpoint");
        boolean saved = false;
        for (JsonNode node : TrainingLog.checkpoints(job, now)) {
            saved |= checkpoint.equals(node.path("checkpoint").asText()) || checkpoint.equals(node.path("checkpoint_id").asText());
        }
        if (!saved) {
            throw ApiError.notFound("Checkpoint " + checkpoint + " of fine-tune job " + id + " not found.");
        }
        if (!state.models().export(workspace, name, job.model())) {
            throw ApiError.conflict("Model " + name + " already exists; choose another model_name.");
        }
        return BooleanNode.TRUE;
    }
}
