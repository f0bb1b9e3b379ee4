package dev.mstudio.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A validated body of {@code POST /api/v1/fine-tunes}. */
public record FineTuneBody(String model, List<String> trainingFileIds, List<String> validationFileIds,
                       ObjectNode hyperParameters, String trainingType, String suffix) {

    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public static FineTuneBody parse(ObjectNode body) {
        String model = Fields.requiredString(body, "model");
        if (!MODEL.matcher(model).matches()) {
            throw ApiError.invalid("model " + model + " is not a valid model name.");
        }
        List<String> training = fileIds(body.get("training_file_ids"), "training_file_ids");
        if (training.isEmpty()) {
            throw ApiError.invalid("Missing training files");
        }
        List<String> validation = fileIds(body.get("validation_file_ids"), "validation_file_ids");
        String type = trainingType(Fields.optionalString(body, "training_type"));
        ObjectNode hyper = HyperParameterRules.resolve(body.get("hyper_parameters"), type);
        return new FineTuneBody(model, training, validation, hyper, type, suffix(body));
    }

    private static List<String> fileIds(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!(node instanceof ArrayNode array)) {
            throw ApiError.invalid(field + " must be an array of file IDs.");
        }
        List<String> ids = new ArrayList<>(array.size());
        for (JsonNode id : array) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw ApiError.invalid(field + " must contain only non-empty file ID strings.");
            }
            ids.add(id.asText().trim());
        }
        return List.copyOf(ids);
    }

    private static String trainingType(String given) {
        if (given == null || given.isEmpty()) {
            return "sft";
        }
        String type = given.toLowerCase(Locale.ROOT);
        if (!Catalog.TRAINING_TYPES.contains(type)) {
            throw ApiError.invalid("training_type must be one of " + String.join(", ", Catalog.TRAINING_TYPES)
                    + "; got " + given + ".");
        }
        return type;
    }

    private static String suffix(ObjectNode body) {
        String suffix = Fields.optionalString(body, "finetuned_output_suffix");
        if (suffix == null || suffix.isEmpty()) {
            return null;
        }
        if (!SUFFIX.matcher(suffix).matches()) {
            throw ApiError.invalid("finetuned_output_suffix must be 1-64 letters, digits, '-' or '_',"
                    + " starting with a letter or digit; got " + suffix + ".");
        }
        return suffix;
    }
}
