package dev.mstudio.client;

import java.util.Set;

/**
 * A request to deploy a model: {@code model_name} and {@code capacity} (1..100) are required;
 * {@code plan} is lora or mu when given; {@code suffix} at most 64 letters, digits, '-' or '_'.
 */
public record CreateDeploymentRequest(String modelName, int capacity, String plan, String suffix) {
    static final Set<String> PLANS = Set.of("lora", "mu");
    public static final int MAX_CAPACITY = 100;

    public CreateDeploymentRequest {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("model_name is required");
        }
        if (modelName.length() > 256) {
            throw new IllegalArgumentException("model_name must be at most 256 characters");
        }
        Validation.capacity(capacity);
        if (plan != null && !PLANS.contains(plan)) {
            throw new IllegalArgumentException("plan must be lora or mu, got '" + plan + "'");
        }
        if (suffix != null && !suffix.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("suffix must be 1-64 letters, digits, '-' or '_'");
        }
    }
}
