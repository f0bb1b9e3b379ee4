package dev.mstudio.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.Json;

/**
 * One deployment in the sandbox: PENDING until {@code deployingAtMs}, DEPLOYING until
 * {@code readyAtMs}, then RUNNING (or FAILED when planned so); a scale shows UPDATING until it is
 * done. A forced status (the control API) freezes it. Thread-safe.
 */
public final class StoredDeployment {
    private final String workspace;
    private final String id;
    private final String modelName;
    private final String baseModel;
    private final String plan;
    private final String userId;
    private final long createdMs;
    private final long deployingAtMs;
    private final long readyAtMs;
    private final boolean fails;
    private int capacity;
    private long updatingUntilMs;
    private long modifiedMs;
    private String forced;

    public StoredDeployment(String workspace, String id, String modelName, String baseModel, String plan, String userId,
                  int capacity, long createdMs, long deployingAtMs, long readyAtMs, boolean fails) {
        this.workspace = workspace;
        this.id = id;
        this.modelName = modelName;
        this.baseModel = baseModel;
        this.plan = plan;
        this.userId = userId;
        this.capacity = capacity;
        this.createdMs = createdMs;
        this.deployingAtMs = deployingAtMs;
        this.readyAtMs = readyAtMs;
        this.fails = fails;
        this.modifiedMs = createdMs;
    }

    public String id() {
        return id;
    }

    public String workspace() {
        return workspace;
    }

    public long createdMs() {
        return createdMs;
    }

    public synchronized String status(long now) {
        if (forced != null) {
            return forced;
        }
        if (now < deployingAtMs) {
            return "PENDING";
        }
        if (now < readyAtMs) {
            return "DEPLOYING";
        }
        if (fails) {
            return "FAILED";
        }
        return now < updatingUntilMs ? "UPDATING" : "RUNNING";
    }

    /** Starts a scale to {@code newCapacity}, done at {@code untilMs}; only a RUNNING deployment scales. */
    public synchronized boolean scale(int newCapacity, long now, long untilMs) {
        if (!"RUNNING".equals(status(now))) {
            return false;
        }
        capacity = newCapacity;
        updatingUntilMs = untilMs;
        modifiedMs = now;
        return true;
    }

    public synchronized void force(String status, long now) {
        forced = status;
        modifiedMs = now;
    }

    public synchronized ObjectNode toJson(long now) {
        String status = status(now);
        boolean serving = status.equals("RUNNING") || status.equals("UPDATING");
        return Json.object()
                .put("deployed_model", id)
                .put("model_name", modelName)
                .put("base_model", baseModel)
                .put("status", status)
                .put("plan", plan)
                .put("capacity", capacity)
                .put("ready_capacity", serving ? capacity : 0)
                .put("base_capacity", 1)
                .put("charge_type", "post_paid")
                .put("workspace_id", workspace)
                .put("gmt_create", Json.iso(createdMs))
                .put("gmt_modified", Json.iso(Math.max(modifiedMs, Math.min(now, readyAtMs))))
                .put("creator", userId)
                .put("modifier", userId);
    }
}
