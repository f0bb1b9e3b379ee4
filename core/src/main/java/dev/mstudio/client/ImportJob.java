package dev.mstudio.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A custom model import job. {@code weightType} is present only in the create response;
 * {@code errorCode} only when the job FAILED.
 */
public record ImportJob(
        String jobId,
        String modelName,
        String displayName,
        String status,
        String source,
        String weightType,
        StorageInfo storageInfo,
        String errorCode,
        String gmtCreate,
        JsonNode raw) implements Job {

    @Override
    public String id() {
        return jobId;
    }

    @Override
    public JobKind kind() {
        return JobKind.IMPORT;
    }

    @Override
    public String model() {
        return modelName;
    }

    @Override
    public Instant createdAt() {
        return Times.parseIso(gmtCreate);
    }
}
