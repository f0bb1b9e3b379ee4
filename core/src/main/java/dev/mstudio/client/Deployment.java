package dev.mstudio.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * A deployed model ({@code /api/v1/deployments}); its ID is {@code deployed_model}. Statuses:
 * PENDING, DEPLOYING, RUNNING, UPDATING, FAILED, DELETING, STOPPED; any other is kept as an unknown,
 * unfinished status. A running deployment bills until it is deleted.
 */
public record Deployment(String deployedModel, String modelName, String baseModel, String status, Integer capacity,
                         Integer readyCapacity, Integer baseCapacity, String chargeType, String workspaceId,
                         String gmtCreate, String gmtModified, String creator, String modifier, JsonNode raw) {
    public static final java.util.List<String> STATUSES =
            java.util.List.of("PENDING", "DEPLOYING", "RUNNING", "UPDATING", "FAILED", "DELETING", "STOPPED");
    private static final Set<String> SETTLED = Set.of("RUNNING", "FAILED", "STOPPED");

    /** RUNNING: serving. */
    public boolean running() {
        return "RUNNING".equals(upper());
    }

    /** RUNNING, FAILED or STOPPED: nothing more happens on its own. Unknown statuses are not settled. */
    public boolean settled() {
        return SETTLED.contains(upper());
    }

    private String upper() {
        return status == null ? "" : status.toUpperCase(Locale.ROOT);
    }
}
