package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Paths, request bodies and the reference pages' field sets that the sandbox tests share. */
final class SandboxFixtures {

    static final String IMPORTS = "/api/v1/custom_models/import";
    static final Set<String> LISTED_FIELDS = Set.of("job_id", "model_name", "display_name", "status", "source",
            "storage_info", "gmt_create");
    static final String GMT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+00:00";
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static final String FINE_TUNES = "/api/v1/fine-tunes";
    /** The fields of the SUCCEEDED job in the reference example. */
    static final Set<String> SUCCEEDED_FIELDS = Set.of("job_id", "job_name", "status", "finetuned_output", "model",
            "base_model", "training_file_ids", "validation_file_ids", "hyper_parameters", "training_type",
            "create_time", "workspace_id", "user_identity", "modifier", "creator", "end_time", "group", "usage");
    /** The fields of the CANCELED job in the reference example. */
    static final Set<String> CANCELED_FIELDS = Set.of("job_id", "job_name", "status", "model", "base_model",
            "training_file_ids", "validation_file_ids", "hyper_parameters", "code", "training_type", "create_time",
            "workspace_id", "user_identity", "modifier", "creator", "end_time", "group", "usage");
    static final Set<String> HYPER_FIELDS = Set.of("n_epochs", "batch_size", "max_length", "learning_rate",
            "lr_scheduler_type", "split");
    static final String TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    private SandboxFixtures() {
    }

    static String createBody(String base, String display) {
        return json("model_name", base, "display_name", display, "source", "oss", "weight_type", "lora",
                "storage_info", Map.of("bucket_name", "my-model-bucket", "object_key", "models/qwen3-32b-lora/"));
    }

    static String body(String model, Object... more) {
        Object[] all = new Object[4 + more.length];
        all[0] = "model";
        all[1] = model;
        all[2] = "training_file_ids";
        all[3] = List.of("976bd01a-f30b-4414-86fd-50c54486e3ef");
        System.arraycopy(more, 0, all, 4, more.length);
        return json(all);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> jobIds(JsonNode output) {
        List<String> ids = new ArrayList<>();
        output.get(output.has("list") ? "list" : "jobs").forEach(job -> ids.add(job.get("job_id").asText()));
        return ids;
    }
}
