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

    /** The checkpoint's full name (e.g. for export), when the service sent one. */
    public String fullName() {
        return JsonFields.text(raw, "full_name");
    }

    public String modelDisplayName() {
        return JsonFields.text(raw, "model_display_name");
    }

    /** When the checkpoint is deleted unless exported (about 15 days after creation), as sent. */
    public String expireTime() {
        return JsonFields.text(raw, "expire_time");
    }

    /** {@link #expireTime()} as an instant (either ISO 8601 or "yyyy-MM-dd HH:mm:ss" UTC); null when absent. */
    public java.time.Instant expiresAt() {
        String text = expireTime();
        if (text == null) {
            return null;
        }
        java.time.Instant iso = Times.parseIso(text);
        return iso != null ? iso : Times.parseLocal(text);
    }
}
