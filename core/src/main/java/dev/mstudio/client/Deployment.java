package dev.mstudio.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A deployed model ({@code /api/v1/deployments}), a job of kind {@link JobKind#DEPLOYMENT}: its ID is
 * {@code deployed_model}, its model {@code model_name}. Statuses: PENDING, DEPLOYING, RUNNING, UPDATING,
 * FAILED, DELETING, STOPPED; any other is kept as an unknown, unfinished status. It is
 * {@linkplain #terminal() settled} when RUNNING, FAILED or STOPPED. A running deployment bills until
 * it is deleted.
 */
public record Deployment(String deployedModel, String modelName, String baseModel, String status, Integer capacity,
                         Integer readyCapacity, Integer baseCapacity, String chargeType, String workspaceId,
                         String gmtCreate, String gmtModified, String creator, String modifier, JsonNode raw)
        implements Job {

    @Override
    public String id() {
        return deployedModel;
    }

    @Override
    public JobKind kind() {
        return JobKind.DEPLOYMENT;
    }

    @Override
    public String model() {
        return modelName;
    }

    /** None: the deployed model's name is its ID. */
    @Override
    public String displayName() {
        return null;
    }

    @Override
    public Instant createdAt() {
        Instant iso = Times.parseIso(gmtCreate);
        return iso != null ? iso : Times.parseLocal(gmtCreate);
    }
}
