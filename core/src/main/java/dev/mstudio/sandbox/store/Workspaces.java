package dev.mstudio.sandbox.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The jobs of one kind, one {@link JobStore} per workspace: the API sees only the store of the
 * workspace its {@code X-DashScope-WorkSpace} header names (the default one without it), while
 * job IDs stay unique across all of them, as the service's are.
 */
public final class Workspaces<J extends StoredJob> {

    private final StatusVocabulary kind;
    private final ConcurrentHashMap<String, JobStore<J>> stores = new ConcurrentHashMap<>();

    Workspaces(StatusVocabulary kind) {
        this.kind = kind;
    }

    /** The store of one workspace (made empty on first use). */
    public JobStore<J> in(String workspace) {
        return stores.computeIfAbsent(workspace, w -> new JobStore<>(kind));
    }

    /** The job with this ID in any workspace. */
    Optional<J> find(String id) {
        return stores.values().stream().map(store -> store.get(id)).flatMap(Optional::stream).findFirst();
    }

    /** The store holding this job ID, in any workspace. */
    Optional<JobStore<J>> storeOf(String id) {
        return stores.values().stream().filter(store -> store.contains(id)).findFirst();
    }

    public boolean containsId(String id) {
        return stores.values().stream().anyMatch(store -> store.contains(id));
    }

    boolean containsName(String name) {
        return stores.values().stream().anyMatch(store -> store.byName(name).isPresent());
    }

    /** Jobs in all workspaces. */
    public int size() {
        return stores.values().stream().mapToInt(JobStore::size).sum();
    }

    /** Jobs matching {@code filter} in all workspaces. */
    public int count(Predicate<? super J> filter) {
        return stores.values().stream().mapToInt(store -> store.count(filter)).sum();
    }

    void clear() {
        stores.clear();
    }
}
