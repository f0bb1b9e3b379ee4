package dev.mstudio.client;

import java.util.List;

/**
 * A request to start a fine-tune job. {@code model} and at least one training file are required;
 * training_type, when given, is one of sft, cpt, efficient_sft, dpo_full, dpo_lora.
 */
public record CreateFineTuneRequest(
        String model,
        List<String> trainingFileIds,
        List<String> validationFileIds,
        HyperParameters hyperParameters,
        String trainingType,
        String finetunedOutputSuffix) {
    public CreateFineTuneRequest {
        trainingFileIds = trainingFileIds == null ? List.of() : List.copyOf(trainingFileIds);
        validationFileIds = validationFileIds == null ? List.of() : List.copyOf(validationFileIds);
        Validation.createFineTune(model, trainingFileIds, trainingType);
    }
}
