package dev.mstudio.client;

/**
 * A request to import a model from OSS. Validated on construction with the service's own rules:
 * base model required, weight_type lora|full, bucket required, object_key ends with "/" and is not
 * the bucket root, display_name at most 50 characters. {@code source} is always "oss".
 */
public record CreateImportRequest(
        String baseModel, String weightType, String bucketName, String objectKey, String displayName) {
    public CreateImportRequest {
        Validation.createImport(baseModel, weightType, bucketName, objectKey, displayName);
    }
}
