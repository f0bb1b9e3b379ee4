package dev.mstudio.sandbox.store;

import java.util.List;
import java.util.Set;

/** Names and messages that make sandbox data look like a real Model Studio workspace. */
final class Catalog {

    /** Base models that accept imported weights. */
    static final List<String> IMPORT_BASE_MODELS = List.of(
            "qwen3-235b-a22b", "qwen3-30b-a3b", "qwen3-32b", "qwen3-14b", "qwen3-8b", "qwen3-4b",
            "qwen3-1.7b", "qwen3-0.6b", "qwen2.5-72b-instruct", "qwen2.5-32b-instruct",
            "qwen2.5-14b-instruct", "qwen2.5-7b-instruct", "qwen2.5-3b-instruct",
            "qwen2.5-1.5b-instruct", "qwen2.5-0.5b-instruct", "qwen2.5-coder-32b-instruct",
            "qwen2.5-coder-7b-instruct", "qwq-32b");

    static final Set<String> IMPORT_BASE_SET = Set.copyOf(IMPORT_BASE_MODELS);

    /** Models seeded jobs are fine-tuned from (any model name is accepted on create). */
    static final List<String> FINE_TUNE_MODELS = List.of(
            "qwen3-32b", "qwen3-14b", "qwen3-8b", "qwen2.5-72b-instruct", "qwen2.5-14b-instruct",
            "qwen2.5-7b-instruct", "qwen-plus", "qwen-turbo");

    static final List<String> IMPORT_ERRORS = List.of(
            "Failed to get files from OSS. Check the files in OSS.",
            "The model files do not match the base model structure.",
            "Model file security check failed.",
            "config.json is missing or invalid.",
            "The total size of the model files exceeds the limit of the base model.");

    /** A fine-tune failure: its code, message and when in the run it strikes (share of the plan). */
    record TrainingFailure(String code, String message, double at) {
    }

    static final List<TrainingFailure> TRAINING_FAILURES = List.of(
            new TrainingFailure("InvalidDataFormat", "Training data format error: line 17 of the training"
                    + " file is not a JSON object with a \"messages\" array.", 0.03),
            new TrainingFailure("InsufficientData", "Too few valid training samples: 23 remain after"
                    + " removing samples with an invalid format; at least 40 are required.", 0.03),
            new TrainingFailure("ResourceExhausted", "Training failed: CUDA out of memory. Reduce"
                    + " batch_size or max_length and retry.", 0.35),
            new TrainingFailure("InternalError", "The training process exited unexpectedly. Retry the"
                    + " job; if it fails again, contact support with the job ID.", 0.6));

    static final List<String> DISPLAY_NAMES = List.of(
            "Customer support LoRA", "Legal contract summarizer", "SQL generator", "Medical QA assistant",
            "E-commerce copywriter", "Code review helper", "Finance report analyst", "Chinese-English MT",
            "Internal knowledge base bot", "Sentiment classifier");

    static final List<String> BUCKETS = List.of(
            "ml-models-prod", "my-model-bucket", "research-checkpoints", "llm-artifacts-cn");

    static final List<String> SUFFIXES = List.of(
            "support", "sqlgen", "legal", "medqa", "copy", "review", "finance", "mt", "kb", "sentiment");

    static final List<String> SCHEDULERS = List.of(
            "linear", "cosine", "constant", "constant_with_warmup", "polynomial");

    static final List<String> TRAINING_TYPES = List.of(
            "sft", "cpt", "efficient_sft", "dpo_full", "dpo_lora");

    private Catalog() {
    }

    /** An OSS object prefix for a model directory, e.g. {@code models/qwen3-32b/customer-support-lora/}. */
    static String objectKey(String base, String displayName, String weightType) {
        String slug = displayName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return "models/" + base + "/" + slug + "-" + weightType + "/";
    }
}
