package dev.mstudio.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A checkpoint saved by a fine-tune job. */
public record Checkpoint(
        String checkpointId,
        String checkpoint,
        String createTime,
        String status,
        Integer step,
        String modelName,
        JsonNode raw) {
}
