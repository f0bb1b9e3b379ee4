package dev.mstudio.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** What every job has in common, whatever its kind (a deployment counts as one). */
public sealed interface Job permits ImportJob, FineTuneJob, Deployment {
    String id();

    JobKind kind();

    /** The status exactly as the service spelled it; unknown values are kept. */
    String status();

    /** For imports the system-generated model name; for fine-tunes the base model; for deployments the model served. */
    String model();

    /** A human name: display_name for imports, finetuned_output or job_name for fine-tunes; none for deployments. */
    String displayName();

    /** Creation time, or null when the service sent none or an unparseable one. */
    Instant createdAt();

    /** The job object exactly as received, unknown fields included (for JSON output). */
    JsonNode raw();

    default boolean terminal() {
        return kind().isTerminal(status());
    }
}
