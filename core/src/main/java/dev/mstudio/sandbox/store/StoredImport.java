package dev.mstudio.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.Json;

/** A custom model import job; {@code errorCode} is set when its planned outcome is failure. */
public record StoredImport(String id, String modelName, String displayName, String baseModel, String weightType,
                 String bucket, String objectKey, String errorCode, Lifecycle lifecycle) implements StoredJob {

    @Override
    public String uniqueName() {
        return modelName;
    }

    @Override
    public StatusVocabulary kind() {
        return StatusVocabulary.IMPORT;
    }

    /**
     * The job as the API shows it. {@code weight_type} appears only in the create response;
     * {@code error_code} only when FAILED.
     */
    public ObjectNode toJson(long now, boolean withWeightType) {
        String status = status(now);
        ObjectNode out = Json.object()
                .put("job_id", id)
                .put("model_name", modelName)
                .put("display_name", displayName)
                .put("source", "OSS");
        if (withWeightType) {
            out.put("weight_type", weightType);
        }
        out.putObject("storage_info").put("bucket_name", bucket).put("object_key", objectKey);
        out.put("status", status);
        if (StatusVocabulary.FAILED.equals(status)) {
            out.put("error_code", errorCode != null ? errorCode : Catalog.IMPORT_ERRORS.get(0));
        }
        out.put("gmt_create", Json.iso(lifecycle.createdMs()));
        return out;
    }
}
