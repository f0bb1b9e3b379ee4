package dev.mstudio.watch;

import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.util.Objects;

/**
 * What a {@link JobWatcher} tells its listeners. Like an informer's add/update/delete notifications,
 * each event carries the job as it was fetched, where there is one.
 */
public sealed interface WatchEvent permits WatchEvent.JobSeen, WatchEvent.StatusChanged, WatchEvent.JobGone {

    JobKind kind();

    String jobId();

    /**
     * A job became known to the watcher: first fetched, or replayed to a listener that subscribed
     * after it was known.
     */
    record JobSeen(Job job) implements WatchEvent {
        public JobSeen {
            Objects.requireNonNull(job, "job");
        }

        @Override
        public JobKind kind() {
            return job.kind();
        }

        @Override
        public String jobId() {
            return job.id();
        }
    }

    /**
     * A known job's status changed from {@code oldStatus} to {@code newStatus}; {@code job} is the
     * job as fetched with its new status (a FAILED import carries its error_code).
     */
    record StatusChanged(Job job, String oldStatus, String newStatus) implements WatchEvent {
        public StatusChanged {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(oldStatus, "oldStatus");
            Objects.requireNonNull(newStatus, "newStatus");
        }

        @Override
        public JobKind kind() {
            return job.kind();
        }

        @Override
        public String jobId() {
            return job.id();
        }

        /** True when the job reached a terminal status with this change. */
        public boolean finished() {
            return job.kind().isTerminal(newStatus);
        }
    }

    /** The service does not know the job (404 on lookup): it was deleted or never existed. */
    record JobGone(JobKind kind, String jobId) implements WatchEvent {
        public JobGone {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(jobId, "jobId");
        }
    }
}
