package dev.mstudio.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.Fields;
import java.util.Locale;
import java.util.regex.Pattern;

/** A validated body of {@code POST /api/v1/custom_models/import}. */
public record ImportBody(String baseModel, String displayName, String weightType, String bucket,
                     String objectKey) {

    static final int MAX_DISPLAY_NAME = 50;
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    public static ImportBody parse(ObjectNode body) {
        String base = Fields.requiredString(body, "model_name");
        if (!Catalog.IMPORT_BASE_SET.contains(base)) {
            throw ApiError.notFound("The base model " + base + " does not support import. Supported"
                    + " base models: " + String.join(", ", Catalog.IMPORT_BASE_MODELS) + ".");
        }
        String display = Fields.optionalString(body, "display_name");
        if (display == null || display.isBlank()) {
            display = base;
        } else if (display.length() > MAX_DISPLAY_NAME) {
            throw ApiError.invalid("display_name must be at most " + MAX_DISPLAY_NAME
                    + " characters; got " + display.length() + ".");
        }
        requireSource(Fields.requiredString(body, "source"));
        String weight = Fields.requiredString(body, "weight_type").toLowerCase(Locale.ROOT);
        if (!weight.equals("lora") && !weight.equals("full")) {
            throw ApiError.invalid("weight_type must be lora or full; got " + weight + ".");
        }
        JsonNode storage = body.get("storage_info");
        if (!(storage instanceof ObjectNode info)) {
            throw ApiError.invalid(storage == null || storage.isNull()
                    ? "Missing required parameter: storage_info."
                    : "storage_info must be an object with bucket_name and object_key.");
        }
        return new ImportBody(base, display, weight, bucket(info), objectKey(info));
    }

    private static void requireSource(String source) {
        if (!source.equalsIgnoreCase("oss")) {
            throw ApiError.invalid("source must be oss (the only supported import source); got "
                    + source + ".");
        }
    }

    private static String bucket(ObjectNode info) {
        String bucket = Fields.requiredString(info, "bucket_name", "storage_info.bucket_name");
        if (!BUCKET.matcher(bucket).matches()) {
            throw ApiError.invalid("storage_info.bucket_name " + bucket + " is not a valid OSS bucket"
                    + " name (3-63 lowercase letters, digits and hyphens).");
        }
        return bucket;
    }

    private static String objectKey(ObjectNode info) {
        String key = Fields.requiredString(info, "object_key", "storage_info.object_key");
        if (key.equals("/")) {
            throw ApiError.invalid("storage_info.object_key must not be the bucket root /; give the"
                    + " directory that holds the model files, e.g. models/my-model/.");
        }
        if (!key.endsWith("/")) {
            throw ApiError.invalid("storage_info.object_key must end with / (it is the directory"
                    + " prefix of the model files); got " + key + ".");
        }
        return key;
    }
}
