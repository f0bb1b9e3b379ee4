package dev.mstudio.watch;

import dev.mstudio.client.JobKind;
import java.util.Map;

/** Remembers nothing. */
enum NoStateStore implements WatchStateStore {
    INSTANCE;

    @Override
    public Map<String, String> load(JobKind kind) {
        return Map.of();
    }

    @Override
    public void save(JobKind kind, Map<String, String> lastStatusById) {
        // nothing is kept by design
    }
}
