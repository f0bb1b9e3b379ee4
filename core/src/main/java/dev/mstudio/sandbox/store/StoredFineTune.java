package dev.mstudio.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.Json;
import java.util.List;

/** A fine-tune job; {@code failure} is set when its planned outcome is failure. */
public record StoredFineTune(String id, String model, String baseModel, List<String> trainingFileIds,
                   List<String> validationFileIds, ObjectNode hyperParameters, String trainingType,
                   String suffix, String workspaceId, String userId, Plan plan,
                   Catalog.TrainingFailure failure, Lifecycle lifecycle) implements StoredJob {

    /** Code the service gives a canceled job (as in the reference example). */
    static final String CANCELED_CODE = "1";

    /**
     * The training the job will do: its size, its token usage and how long it runs in all
     * ({@code planMs}, already divided by the speed); {@code seed} makes its logs repeatable.
     */
    record Plan(int epochs, int stepsPerEpoch, int trainSamples, int validSamples, long usage,
                long planMs, long seed) {
    }

    @Override
    public String uniqueName() {
        return null;
    }

    @Override
    public StatusVocabulary kind() {
        return StatusVocabulary.FINE_TUNE;
    }

    /** The name the fine-tuned model gets: {@code <model>-<suffix or ft>-<job_id>}. */
    String finetunedOutput() {
        return model + "-" + (suffix != null ? suffix : "ft") + "-" + id;
    }

    public ObjectNode toJson(long now) {
        String status = status(now);
        boolean succeeded = StatusVocabulary.FINE_TUNE.succeeded().equals(status);
        ObjectNode out = Json.object().put("job_id", id).put("job_name", id).put("status", status);
        if (succeeded) {
            out.put("finetuned_output", finetunedOutput());
        }
        out.put("model", model).put("base_model", baseModel);
        trainingFileIds.forEach(out.putArray("training_file_ids")::add);
        validationFileIds.forEach(out.putArray("validation_file_ids")::add);
        out.set("hyper_parameters", hyperParameters.deepCopy());
        putOutcome(out, status);
        out.put("training_type", trainingType)
                .put("create_time", Json.plain(lifecycle.createdMs()))
                .put("workspace_id", workspaceId)
                .put("user_identity", userId)
                .put("modifier", userId)
                .put("creator", userId);
        long end = lifecycle.endTime(StatusVocabulary.FINE_TUNE, now);
        if (end >= 0) {
            out.put("end_time", Json.plain(end));
        }
        return out.put("group", "llm").put("usage", succeeded ? plan.usage() : 0L);
    }

    /** FAILED jobs carry {@code code} and {@code message}; CANCELED ones {@code code} "1". */
    private void putOutcome(ObjectNode out, String status) {
        if (StatusVocabulary.FAILED.equals(status)) {
            Catalog.TrainingFailure why = failure != null ? failure : Catalog.TRAINING_FAILURES.get(3);
            out.put("code", why.code()).put("message", why.message());
        } else if (StatusVocabulary.CANCELED.equals(status)) {
            out.put("code", CANCELED_CODE);
        }
    }
}
