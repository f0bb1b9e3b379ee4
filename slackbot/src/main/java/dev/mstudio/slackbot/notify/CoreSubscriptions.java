package dev.mstudio.slackbot.notify;

import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.watch.Subscription;
import dev.mstudio.watch.WatchFilter;
import dev.mstudio.watch.Watchers;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The notifier's subscriptions on the shared core watchers: exactly one per watched job however
 * many channels watch it, and one kind-wide one per kind while any channel subscribes to it. Every
 * event goes to one sink, tagged with its source; fan-out to channels happens behind it.
 */
final class CoreSubscriptions {
    private record JobKey(JobKind kind, String jobId) {
    }

    private final Watchers watchers;
    private final Consumer<Incoming> sink;
    private final Map<JobKey, Subscription> jobs = new HashMap<>();
    private final Map<JobKind, Subscription> kinds = new EnumMap<>(JobKind.class);
    private boolean closed;

    CoreSubscriptions(Watchers watchers, Consumer<Incoming> sink) {
        this.watchers = watchers;
        this.sink = sink;
    }

    /** Follows the job unless already followed. */
    synchronized void followJob(JobKind kind, String jobId) {
        JobKey key = new JobKey(kind, jobId);
        Subscription current = jobs.get(key);
        if (closed || (current != null && current.isOpen())) {
            return;
        }
        jobs.put(key, watchers.of(kind).subscribe(WatchFilter.job(jobId),
                event -> sink.accept(new Incoming(Incoming.Source.WATCH, event))));
    }

    /** Stops following the job when {@code stillWatched} (asked under this lock) says no channel needs it. */
    synchronized void releaseJob(JobKind kind, String jobId, BooleanSupplier stillWatched) {
        JobKey key = new JobKey(kind, jobId);
        if (jobs.containsKey(key) && !stillWatched.getAsBoolean()) {
            jobs.remove(key).close();
        }
    }

    synchronized void followKind(JobKind kind) {
        Subscription current = kinds.get(kind);
        if (closed || (current != null && current.isOpen())) {
            return;
        }
        kinds.put(kind, watchers.of(kind).subscribe(WatchFilter.all(),
                event -> sink.accept(new Incoming(Incoming.Source.SUBSCRIPTIONS, event))));
    }

    synchronized void unfollowKind(JobKind kind) {
        Subscription subscription = kinds.remove(kind);
        if (subscription != null) {
            subscription.close();
        }
    }

    /** The job as the shared watcher last fetched it, when it knows it. */
    Optional<Job> known(JobKind kind, String jobId) {
        return watchers.of(kind).job(jobId);
    }

    synchronized int followedJobs() {
        return jobs.size();
    }

    synchronized int size() {
        return jobs.size() + kinds.size();
    }

    /** Stops following every job not in {@code keep} (by kind, job ID). */
    synchronized void retainJobs(java.util.function.BiPredicate<JobKind, String> keep) {
        jobs.entrySet().removeIf(e -> {
            boolean drop = !keep.test(e.getKey().kind(), e.getKey().jobId());
            if (drop) {
                e.getValue().close();
            }
            return drop;
        });
    }

    /** Makes every watcher resume from the store (a replica taking over the polling). */
    void reloadState() {
        for (JobKind kind : JobKind.values()) {
            watchers.of(kind).reloadState();
        }
    }

    /** Drops every subscription, to follow again later (this replica stopped leading). */
    synchronized void releaseAll() {
        jobs.values().forEach(Subscription::close);
        kinds.values().forEach(Subscription::close);
        jobs.clear();
        kinds.clear();
    }

    synchronized java.util.Set<JobKind> followedKinds() {
        return java.util.Set.copyOf(kinds.keySet());
    }

    synchronized void close() {
        closed = true;
        jobs.values().forEach(Subscription::close);
        kinds.values().forEach(Subscription::close);
        jobs.clear();
        kinds.clear();
    }
}
