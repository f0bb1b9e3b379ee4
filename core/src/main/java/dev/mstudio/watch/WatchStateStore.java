package dev.mstudio.watch;

import dev.mstudio.client.JobKind;
import java.util.Map;

/**
 * Where a watcher keeps the last status it reported for each job, so that after a restart a
 * transition that happened while it was down is reported once (stored status -> real status) and a
 * transition already reported is not reported again. Implementations must be thread-safe.
 */
public interface WatchStateStore {

    /** The last reported status by job ID; empty when nothing was saved. */
    Map<String, String> load(JobKind kind);

    /** Replaces what is stored for the kind. */
    void save(JobKind kind, Map<String, String> lastStatusById);

    /** A store that keeps nothing across restarts: watchers start fresh. */
    static WatchStateStore none() {
        return NoStateStore.INSTANCE;
    }

    /** A thread-safe store in memory (survives a watcher, not the process). */
    static WatchStateStore inMemory() {
        return new InMemoryStateStore();
    }
}
