package dev.mstudio.watch;

import dev.mstudio.client.Job;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which jobs a listener hears about. With job IDs it follows exactly those jobs; with none it is
 * kind-wide: every active job of the watcher's kind, as they appear and as they finish. {@code model}
 * (null = any) and {@code statuses} (empty = any) narrow further; statuses match the job's current,
 * i.e. new, status, case-insensitively.
 */
public record WatchFilter(Set<String> jobIds, String model, Set<String> statuses) {

    public WatchFilter {
        jobIds = jobIds == null ? Set.of() : Set.copyOf(jobIds);
        if (jobIds.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("job IDs must not be blank");
        }
        model = model == null || model.isBlank() ? null : model;
        statuses = statuses == null ? Set.of() : statuses.stream()
                .map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every job of the kind. */
    public static WatchFilter all() {
        return new WatchFilter(Set.of(), null, Set.of());
    }

    /** One job. */
    public static WatchFilter job(String jobId) {
        return new WatchFilter(Set.of(jobId), null, Set.of());
    }

    /** Exactly these jobs. */
    public static WatchFilter jobs(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            throw new IllegalArgumentException("at least one job ID is required");
        }
        return new WatchFilter(Set.copyOf(jobIds), null, Set.of());
    }

    public WatchFilter withModel(String model) {
        return new WatchFilter(jobIds, model, statuses);
    }

    public WatchFilter withStatuses(String... statuses) {
        return new WatchFilter(jobIds, model, Set.copyOf(Arrays.asList(statuses)));
    }

    /** True when the filter names no job IDs and so follows every job of the kind. */
    public boolean kindWide() {
        return jobIds.isEmpty();
    }

    /** True when the filter follows this job ID (every ID for a kind-wide filter). */
    public boolean covers(String jobId) {
        return jobIds.isEmpty() || jobIds.contains(jobId);
    }

    /** True when an event about this job, now in its current status, is for this listener. */
    public boolean matches(Job job) {
        return covers(job.id()) && matchesModel(job) && matchesStatus(job.status());
    }

    boolean matchesModel(Job job) {
        return model == null || model.equalsIgnoreCase(job.model());
    }

    private boolean matchesStatus(String status) {
        return statuses.isEmpty() || (status != null && statuses.contains(status.toUpperCase(Locale.ROOT)));
    }
}
