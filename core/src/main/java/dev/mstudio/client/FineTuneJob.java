package dev.mstudio.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A fine-tune job, with every field of the documented job object. Absent fields are null. */
public record FineTuneJob(
        String jobId,
        String jobName,
        String status,
        String finetunedOutput,
        String model,
        String baseModel,
        List<String> trainingFileIds,
        List<String> validationFileIds,
        HyperParameters hyperParameters,
        String trainingType,
        String createTime,
        String endTime,
        String workspaceId,
        String userIdentity,
        String modifier,
        String creator,
        String group,
        Long usage,
        String code,
        String message,
        JsonNode raw) implements Job {

    public FineTuneJob {
        trainingFileIds = trainingFileIds == null ? List.of() : List.copyOf(trainingFileIds);
        validationFileIds = validationFileIds == null ? List.of() : List.copyOf(validationFileIds);
    }

    @Override
    public String id() {
        return jobId;
    }

    @Override
    public JobKind kind() {
        return JobKind.FINETUNE;
    }

    /** The output model's name, else the job's name unless that is just its ID (as the service sets it). */
    @Override
    public String displayName() {
        if (finetunedOutput != null) {
            return finetunedOutput;
        }
        return jobName == null || jobName.equals(jobId) ? null : jobName;
    }

    @Override
    public Instant createdAt() {
        return Times.parseLocal(createTime);
    }

    public Instant endedAt() {
        return Times.parseLocal(endTime);
    }
}
