package dev.mstudio.watch;

import dev.mstudio.client.JobKind;
import java.util.EnumMap;
import java.util.Map;

/** Keeps each kind's last statuses in memory. */
final class InMemoryStateStore implements WatchStateStore {
    private final Map<JobKind, Map<String, String>> byKind = new EnumMap<>(JobKind.class);

    @Override
    public synchronized Map<String, String> load(JobKind kind) {
        return byKind.getOrDefault(kind, Map.of());
    }

    @Override
    public synchronized void save(JobKind kind, Map<String, String> lastStatusById) {
        byKind.put(kind, Map.copyOf(lastStatusById));
    }
}
