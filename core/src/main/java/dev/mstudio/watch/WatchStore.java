package dev.mstudio.watch;

import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.watch.WatchEvent.JobGone;
import dev.mstudio.watch.WatchEvent.JobSeen;
import dev.mstudio.watch.WatchEvent.StatusChanged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The informer's local store: the last fetched job by ID, statuses seeded from a
 * {@link WatchStateStore} for jobs not fetched yet, the IDs the service said it does not know, and
 * the active-list totals of the last walk. Diffs each fetched job against what it knew into at most
 * one event. Not thread-safe: the watcher guards it with its lock.
 */
final class WatchStore {
    private final JobKind kind;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, String> seeded = new HashMap<>();
    private final Set<String> gone = new HashSet<>();
    private final Map<String, Integer> totals = new HashMap<>();

    WatchStore(JobKind kind) {
        this.kind = kind;
    }

    /** Statuses reported before a restart; jobs already fetched keep their fetched state. */
    void seed(Map<String, String> lastStatusById) {
        lastStatusById.forEach((id, status) -> {
            if (id != null && status != null && !jobs.containsKey(id)) {
                seeded.put(id, status);
            }
        });
    }

    /**
     * Records a fetched job and returns what changed: JobSeen the first time, StatusChanged when
     * its status differs from the one known (fetched, or seeded from the state store), else null.
     */
    WatchEvent observe(Job job) {
        Job previous = jobs.put(job.id(), job);
        String seededStatus = seeded.remove(job.id());
        String oldStatus = previous != null ? previous.status() : seededStatus;
        if (oldStatus == null) {
            return new JobSeen(job);
        }
        if (sameStatus(oldStatus, job.status())) {
            return previous == null ? new JobSeen(job) : null;
        }
        return new StatusChanged(job, oldStatus, String.valueOf(job.status()));
    }

    /** Forgets the job for good (the service does not know it) and returns its JobGone. */
    JobGone markGone(String jobId) {
        jobs.remove(jobId);
        seeded.remove(jobId);
        gone.add(jobId);
        return new JobGone(kind, jobId);
    }

    Optional<Job> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    List<Job> jobs() {
        return List.copyOf(jobs.values());
    }

    boolean isFetched(String jobId) {
        return jobs.containsKey(jobId);
    }

    boolean isGone(String jobId) {
        return gone.contains(jobId);
    }

    /** Non-terminal jobs, fetched or only seeded, with their last known status, in insertion order. */
    Map<String, String> nonTerminal() {
        Map<String, String> result = new LinkedHashMap<>();
        seeded.forEach((id, status) -> {
            if (!kind.isTerminal(status)) {
                result.put(id, status);
            }
        });
        jobs.values().stream().filter(job -> !job.terminal()).forEach(job -> result.put(job.id(), job.status()));
        return result;
    }

    /** Drops fetched jobs no listener cares about (seeds wait until a listener asks for them). */
    void retain(Predicate<String> relevant) {
        List<String> drop = new ArrayList<>();
        jobs.keySet().stream().filter(relevant.negate()).forEach(drop::add);
        drop.forEach(jobs::remove);
    }

    /** What a {@link WatchStateStore} should keep: the last status of every job known. */
    Map<String, String> statuses() {
        Map<String, String> result = new HashMap<>(seeded);
        jobs.values().forEach(job -> result.put(job.id(), String.valueOf(job.status())));
        return result;
    }

    Map<String, Integer> totals() {
        return Map.copyOf(totals);
    }

    void recordTotals(Map<String, Integer> fresh) {
        totals.putAll(fresh);
    }

    private static boolean sameStatus(String a, String b) {
        return a.equalsIgnoreCase(String.valueOf(b));
    }
}
