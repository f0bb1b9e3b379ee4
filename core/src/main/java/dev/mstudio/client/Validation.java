package dev.mstudio.client;

import java.util.List;
import java.util.Set;

/** Input checks made before anything is sent, worded like the service's own messages. */
final class Validation {
    static final Set<String> WEIGHT_TYPES = Set.of("lora", "full");
    static final Set<String> TRAINING_TYPES = Set.of("sft", "cpt", "efficient_sft", "dpo_full", "dpo_lora");
    static final int MAX_DISPLAY_NAME = 50;
    static final int MAX_LOG_LINES = 1000;

    private Validation() {
    }

    static void page(Integer pageNo, Integer pageSize) {
        if (pageNo != null && pageNo < 1) {
            throw new IllegalArgumentException("page_no must be 1 or more, got " + pageNo);
        }
        if (pageSize != null && (pageSize < 1 || pageSize > 100)) {
            throw new IllegalArgumentException("page_size must be between 1 and 100, got " + pageSize);
        }
    }

    static void createImport(String baseModel, String weightType, String bucket, String objectKey, String displayName) {
        require(baseModel, "model_name (the base model, e.g. qwen3-32b)");
        require(weightType, "weight_type (lora or full)");
        if (!WEIGHT_TYPES.contains(weightType)) {
            throw new IllegalArgumentException("weight_type must be lora or full, got '" + weightType + "'");
        }
        require(bucket, "storage_info.bucket_name");
        require(objectKey, "storage_info.object_key");
        if (!objectKey.endsWith("/")) {
            throw new IllegalArgumentException(
                    "storage_info.object_key must end with '/', e.g. '" + objectKey + "/'");
        }
        if (objectKey.replace("/", "").isEmpty()) {
            throw new IllegalArgumentException(
                    "storage_info.object_key must be a folder inside the bucket, not the bucket root");
        }
        if (displayName != null && displayName.length() > MAX_DISPLAY_NAME) {
            throw new IllegalArgumentException("display_name must be at most " + MAX_DISPLAY_NAME
                    + " characters, got " + displayName.length());
        }
    }

    static void createFineTune(String model, List<String> trainingFileIds, String trainingType) {
        require(model, "model (the base model, e.g. qwen3-14b)");
        if (trainingFileIds.isEmpty() || trainingFileIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new IllegalArgumentException("Missing training files: training_file_ids needs at least one file ID");
        }
        if (trainingType != null && !TRAINING_TYPES.contains(trainingType)) {
            throw new IllegalArgumentException("training_type must be one of sft, cpt, efficient_sft, dpo_full, dpo_lora, got '"
                    + trainingType + "'");
        }
    }

    /**
     * Job IDs go into URL paths: non-blank, no control characters, not "." or ".." (which a URL
     * builder would resolve as a path step); the client path-escapes everything else.
     */
    static String jobId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("job ID must not be blank");
        }
        if (id.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("job ID contains control characters");
        }
        String stripped = id.strip();
        if (stripped.equals(".") || stripped.equals("..")) {
            throw new IllegalArgumentException("job ID '" + stripped + "' is not a job ID");
        }
        return stripped;
    }

    /** Log window: offset skips that many lines (0 or more); lines is 1..1000. */
    static void logWindow(int offset, int lines) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        }
        if (lines < 1 || lines > MAX_LOG_LINES) {
            throw new IllegalArgumentException("line must be between 1 and " + MAX_LOG_LINES + ", got " + lines);
        }
    }

    /** Deployment capacity: 1..100 instances. */
    static void capacity(int capacity) {
        if (capacity < 1 || capacity > CreateDeploymentRequest.MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be between 1 and "
                    + CreateDeploymentRequest.MAX_CAPACITY + ", got " + capacity);
        }
    }

    /** A model name to export a checkpoint as: 1-64 letters, digits, '-', '_' or '.'. */
    static String exportName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("model_name must be 1-64 letters, digits, '.', '-' or '_', got '"
                    + name + "'");
        }
        return name;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
