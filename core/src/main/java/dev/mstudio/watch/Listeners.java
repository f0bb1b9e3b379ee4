package dev.mstudio.watch;

import dev.mstudio.client.Job;
import dev.mstudio.watch.WatchEvent.JobGone;
import dev.mstudio.watch.WatchEvent.JobSeen;
import dev.mstudio.watch.WatchEvent.StatusChanged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The open subscriptions of one watcher, and which of them an event is for (SharedProcessor). */
final class Listeners {
    private final List<ListenerQueue> all = new CopyOnWriteArrayList<>();

    void add(ListenerQueue listener) {
        all.add(listener);
    }

    void remove(ListenerQueue listener) {
        all.remove(listener);
    }

    int size() {
        return all.size();
    }

    List<ListenerQueue> all() {
        return List.copyOf(all);
    }

    /** True when some listener follows every job of the kind. */
    boolean kindWide() {
        return all.stream().anyMatch(l -> l.filter().kindWide());
    }

    /** True when some listener follows this job, by ID or kind-wide. */
    boolean relevant(String jobId) {
        return all.stream().anyMatch(l -> l.filter().covers(jobId));
    }

    /** The job IDs listeners name explicitly. */
    List<String> namedIds() {
        return all.stream().flatMap(l -> l.filter().jobIds().stream()).distinct().toList();
    }

    /**
     * Queues the event for every listener it is for. JobGone has no job to filter on: it goes to
     * the listeners naming the ID, and to kind-wide ones whose model matched the job last known.
     */
    void route(WatchEvent event, Job lastKnown) {
        for (ListenerQueue listener : all) {
            if (isFor(listener.filter(), event, lastKnown)) {
                listener.enqueue(event);
            }
        }
    }

    /** Starts delivery of everything queued. Call without holding the watcher's lock. */
    void kickAll() {
        all.forEach(ListenerQueue::kick);
    }

    static boolean isFor(WatchFilter filter, WatchEvent event, Job lastKnown) {
        if (event instanceof JobSeen seen) {
            return filter.matches(seen.job());
        }
        if (event instanceof StatusChanged changed) {
            return filter.matches(changed.job());
        }
        JobGone gone = (JobGone) event;
        return filter.jobIds().contains(gone.jobId())
                || (filter.kindWide() && lastKnown != null && filter.matchesModel(lastKnown));
    }
}
