package dev.mstudio.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.Fields;
import dev.mstudio.sandbox.http.Json;
import java.util.Locale;
import java.util.Map;

/** Validates {@code hyper_parameters} and fills in the defaults the service applies. */
final class HyperParameterRules {

    static final int MAX_EPOCHS = 100;
    static final int MAX_BATCH_SIZE = 1024;
    static final int MAX_LENGTH = 131_072;

    private HyperParameterRules() {
    }

    /** The complete hyper-parameters for a job: defaults for {@code trainingType}, then {@code given}. */
    static ObjectNode resolve(JsonNode given, String trainingType) {
        ObjectNode out = defaults(trainingType);
        if (given == null || given.isNull()) {
            return out;
        }
        if (!(given instanceof ObjectNode fields)) {
            throw ApiError.invalid("hyper_parameters must be an object.");
        }
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            apply(out, field.getKey(), field.getValue());
        }
        return out;
    }

    static ObjectNode defaults(String trainingType) {
        boolean lora = trainingType.endsWith("lora") || trainingType.equals("efficient_sft");
        return Json.object()
                .put("n_epochs", 3)
                .put("batch_size", lora ? 16 : 32)
                .put("max_length", 8192)
                .put("learning_rate", lora ? "3e-4" : "1.6e-5")
                .put("lr_scheduler_type", "linear")
                .put("split", 0.9);
    }

    private static void apply(ObjectNode out, String name, JsonNode value) {
        String label = "hyper_parameters." + name;
        if (value.isNull()) {
            return;
        }
        switch (name) {
            case "n_epochs" -> out.put(name, Fields.intIn(value, label, 1, MAX_EPOCHS));
            case "batch_size" -> out.put(name, Fields.intIn(value, label, 1, MAX_BATCH_SIZE));
            case "max_length" -> out.put(name, Fields.intIn(value, label, 1, MAX_LENGTH));
            case "learning_rate" -> out.put(name, learningRate(value, label));
            case "lr_scheduler_type" -> out.put(name, scheduler(value, label));
            case "split" -> out.put(name, split(value, label));
            default -> {
                if (!value.isValueNode()) {
                    throw ApiError.invalid(label + " must be a number, a string or a boolean.");
                }
                out.set(name, value);
            }
        }
    }

    /** Learning rates are returned as strings such as {@code "1.6e-5"}, whichever way they came. */
    private static String learningRate(JsonNode value, String label) {
        double rate = Fields.number(value, label);
        if (!(rate > 0 && rate < 1)) {
            throw ApiError.invalid(label + " must be greater than 0 and less than 1; got " + value.asText() + ".");
        }
        if (value.isTextual()) {
            return value.asText().trim();
        }
        return Double.toString(rate).toLowerCase(Locale.ROOT).replace(".0e", "e");
    }

    private static String scheduler(JsonNode value, String label) {
        if (!value.isTextual() || !Catalog.SCHEDULERS.contains(value.asText().trim())) {
            throw ApiError.invalid(label + " must be one of " + String.join(", ", Catalog.SCHEDULERS) + ".");
        }
        return value.asText().trim();
    }

    private static double split(JsonNode value, String label) {
        double split = Fields.number(value, label);
        if (!(split > 0 && split <= 1)) {
            throw ApiError.invalid(label + " must be greater than 0 and at most 1; got " + value.asText() + ".");
        }
        return split;
    }
}
