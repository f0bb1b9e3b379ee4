package dev.mstudio.sandbox.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The jobs of one kind, newest first: an unfiltered page costs O(page size), a filtered one a
 * single pass over primitive columns with no sorting. Thread-safe; every status change from
 * outside (cancel, forcing) goes through here so the columns stay true.
 */
public final class JobStore<J extends StoredJob> {

    /** One page of jobs, newest first, and how many matched in all. */
    public record Page<J>(int total, List<J> items) {
    }

    private final StatusVocabulary kind;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, J> byId = new HashMap<>();
    private final Map<String, J> byName = new HashMap<>();
    private JobColumns<J> columns = new JobColumns<>(16);

    JobStore(StatusVocabulary kind) {
        this.kind = kind;
    }

    /** Adds a job; false when its ID or unique name is already taken. */
    public boolean add(J job) {
        return write(() -> {
            if (clashes(job)) {
                return false;
            }
            columns.insert(job);
            index(job);
            return true;
        });
    }

    /** Adds many jobs in one merge; jobs whose ID or name clash are skipped. Returns the count added. */
    int addAll(Collection<J> jobs) {
        List<J> batch = new ArrayList<>(jobs);
        batch.sort(Comparator.comparingLong(StoredJob::createdMs));
        return write(() -> {
            List<J> fresh = new ArrayList<>(batch.size());
            for (J job : batch) {
                if (!clashes(job)) {
                    index(job);
                    fresh.add(job);
                }
            }
            columns = columns.merge(fresh);
            return fresh.size();
        });
    }

    private boolean clashes(J job) {
        String name = job.uniqueName();
        return byId.containsKey(job.id()) || (name != null && byName.containsKey(name));
    }

    private void index(J job) {
        byId.put(job.id(), job);
        if (job.uniqueName() != null) {
            byName.put(job.uniqueName(), job);
        }
    }

    public Optional<J> get(String id) {
        return read(() -> Optional.ofNullable(byId.get(id)));
    }

    public Optional<J> byName(String name) {
        return read(() -> Optional.ofNullable(byName.get(name)));
    }

    boolean contains(String id) {
        return read(() -> byId.containsKey(id));
    }

    int size() {
        return read(() -> columns.size());
    }

    /** Freezes a stored job in {@code status}; false when it is no longer stored. */
    boolean force(J job, String status, long now) {
        return force(job, new Lifecycle.Forced(status, now));
    }

    /** Imposes {@code forced} on a stored job, if {@code when} accepts its status now, atomically. */
    public boolean forceIf(J job, Predicate<String> when, Lifecycle.Forced forced) {
        return write(() -> when.test(job.status(forced.atMs())) && force(job, forced));
    }

    private boolean force(J job, Lifecycle.Forced forced) {
        return write(() -> {
            if (byId.get(job.id()) != job) {
                return false;
            }
            job.lifecycle().force(forced);
            columns.markForced(job);
            return true;
        });
    }

    /**
     * Removes a job after {@code precondition} accepted it (it throws to refuse), atomically.
     * Empty when no job has that ID.
     */
    public Optional<J> remove(String id, Consumer<? super J> precondition) {
        return write(() -> {
            J job = byId.get(id);
            if (job == null) {
                return Optional.empty();
            }
            precondition.accept(job);
            columns.remove(job);
            byId.remove(id);
            if (job.uniqueName() != null) {
                byName.remove(job.uniqueName());
            }
            return Optional.of(job);
        });
    }

    void clear() {
        write(() -> {
            columns = new JobColumns<>(16);
            byId.clear();
            byName.clear();
            return null;
        });
    }

    /**
     * Page {@code pageNo} (from 1), newest first, of the jobs with {@code status} at {@code now}
     * (case-insensitive; null: any) that also pass {@code filter} (null: all). Jobs created after
     * {@code now} (a demo workspace holds the jobs of the hours ahead) do not exist yet.
     */
    public Page<J> page(String status, long now, Predicate<? super J> filter, int pageNo, int pageSize) {
        long offset = (long) (pageNo - 1) * pageSize;
        return read(() -> status == null && filter == null
                ? slice(columns.createdBy(now), offset, pageSize)
                : scan(columns.createdBy(now), status, now, filter, offset, pageSize));
    }

    private Page<J> slice(int size, long offset, int pageSize) {
        List<J> items = new ArrayList<>(Math.min(pageSize, size));
        for (long k = offset; k < size && k < offset + pageSize; k++) {
            items.add(columns.job(size - 1 - (int) k));
        }
        return new Page<>(size, items);
    }

    private Page<J> scan(int size, String status, long now, Predicate<? super J> filter, long offset, int pageSize) {
        int phase = status == null ? -1 : Lifecycle.phaseOf(kind, status);
        List<J> items = new ArrayList<>(pageSize);
        int matched = 0;
        for (int i = size - 1; i >= 0; i--) {
            if ((status == null || columns.hasStatus(i, status, phase, now))
                    && (filter == null || filter.test(columns.job(i)))) {
                if (matched >= offset && items.size() < pageSize) {
                    items.add(columns.job(i));
                }
                matched++;
            }
        }
        return new Page<>(matched, items);
    }

    /** How many jobs match {@code filter}. */
    int count(Predicate<? super J> filter) {
        return read(() -> scan(columns.size(), null, 0, filter, Long.MAX_VALUE, 0).total());
    }

    /** The newest job matching {@code filter}. */
    public Optional<J> findFirst(Predicate<? super J> filter) {
        return read(() -> scan(columns.size(), null, 0, filter, 0, 1).items().stream().findFirst());
    }

    private <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> body) {
        lock.writeLock().lock();
        try {
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
