package dev.mstudio.paging;

import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.time.Instant;
import java.util.Objects;

/**
 * What the {@link JobIndex} remembers of one job: enough to offer it as a completion candidate
 * (with its status, model and name as the description) without asking the service again.
 *
 * @param createdAt when the job was created, or null when the service did not say
 * @param lastSeen  when this process last saw the job in a listing, a lookup or a watcher
 */
public record IndexEntry(
        String id, JobKind kind, String status, String model, String displayName, Instant createdAt, Instant lastSeen) {

    public IndexEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    static IndexEntry of(Job job, Instant seen) {
        return new IndexEntry(job.id(), job.kind(), job.status(), job.model(), job.displayName(), job.createdAt(), seen);
    }
}
