package dev.mstudio.paging;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Every job this process has seen, by ID: the source of job-ID and model-name completion. Lookups
 * are in memory and never make a request; {@link #warm} fills a cold index in the background.
 * Bounded: past {@link #capacity()} entries the least recently seen job is forgotten. Thread-safe;
 * reads never block writers.
 */
public final class JobIndex {
    /** The default number of jobs remembered. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** Walks a whole listing of one kind, recording what it sees; returns the number of jobs walked. */
    @FunctionalInterface
    interface Walker {
        long walk(JobKind kind) throws Exception;
    }

    private final int capacity;
    private final Clock clock;
    private final Executor executor;
    private final Walker walker;
    private final Map<JobKind, NavigableMap<String, IndexEntry>> ids = new EnumMap<>(JobKind.class);
    private final Map<JobKind, NavigableMap<String, Integer>> models = new EnumMap<>(JobKind.class);
    /** Insertion order is last-seen order; guarded by itself, as are the writes to the maps above. */
    private final LinkedHashMap<String, IndexEntry> bySeen = new LinkedHashMap<>();
    private final Map<JobKind, CompletableFuture<Boolean>> warmups = new EnumMap<>(JobKind.class);
    private volatile WarmFailure lastFailure;

    /** A standalone index (fed only through {@link #record}); it has no listing to {@link #warm} from. */
    public JobIndex(int capacity) {
        this(capacity, Clock.systemUTC(), Runnable::run, null);
    }

    JobIndex(int capacity, Clock clock, Executor executor, Walker walker) {
        if (capacity < 1) {
            throw new IllegalArgumentException("index capacity must be 1 or more, got " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.walker = walker;
        for (JobKind kind : JobKind.values()) {
            ids.put(kind, new ConcurrentSkipListMap<>());
            models.put(kind, new ConcurrentSkipListMap<>());
        }
    }

    /** Remembers a job as seen now, replacing what was known of it. Null jobs or IDs are ignored. */
    public void record(Job job) {
        if (job != null && job.id() != null) {
            synchronized (bySeen) {
                put(IndexEntry.of(job, clock.instant()));
            }
        }
    }

    /** Remembers every job of a listing as seen now. */
    public void recordAll(Collection<? extends Job> jobs) {
        synchronized (bySeen) {
            for (Job job : jobs) {
                if (job != null && job.id() != null) {
                    put(IndexEntry.of(job, clock.instant()));
                }
            }
        }
    }

    /** Forgets a job (it was deleted); returns whether it was known. */
    public boolean forget(String id) {
        synchronized (bySeen) {
            IndexEntry old = bySeen.remove(id);
            if (old != null) {
                unlink(old);
            }
            return old != null;
        }
    }

    /** What is known of one job, if it has been seen. */
    public Optional<IndexEntry> find(String id) {
        for (NavigableMap<String, IndexEntry> map : ids.values()) {
            IndexEntry entry = id == null ? null : map.get(id);
            if (entry != null) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * Known jobs whose ID starts with {@code prefix}, sorted by ID, at most {@code limit}.
     *
     * @param kindOrNull one kind, or null for every kind
     * @param prefix     the typed text; null or empty matches every ID
     */
    public List<IndexEntry> complete(JobKind kindOrNull, String prefix, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        String start = prefix == null ? "" : prefix;
        if (kindOrNull != null) {
            return matches(ids.get(kindOrNull), start, limit);
        }
        List<IndexEntry> both = new ArrayList<>();
        for (NavigableMap<String, IndexEntry> map : ids.values()) {
            both.addAll(matches(map, start, limit));
        }
        both.sort(Comparator.comparing(IndexEntry::id));
        return List.copyOf(both.subList(0, Math.min(limit, both.size())));
    }

    /** Model names seen on remembered jobs of a kind (or of every kind, for null), sorted. */
    public List<String> models(JobKind kindOrNull) {
        if (kindOrNull != null) {
            return List.copyOf(models.get(kindOrNull).keySet());
        }
        List<String> both = new ArrayList<>();
        models.values().forEach(names -> both.addAll(names.keySet()));
        return both.stream().distinct().sorted().toList();
    }

    public int size() {
        synchronized (bySeen) {
            return bySeen.size();
        }
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Fills the index with every job of a kind by walking its listing in the background, once: while
     * a walk runs or after one succeeded, this returns the same future. Never throws and the future
     * never fails; a failed walk is reported by {@link #lastError()} and may be started again.
     */
    public CompletableFuture<Void> warm(JobKind kind) {
        Objects.requireNonNull(kind, "kind");
        CompletableFuture<Boolean> run;
        synchronized (warmups) {
            CompletableFuture<Boolean> previous = warmups.get(kind);
            if (previous != null && !(previous.isDone() && !previous.join())) {
                return previous.thenApply(ok -> null);
            }
            run = new CompletableFuture<>();
            warmups.put(kind, run);
        }
        start(kind, run);
        return run.thenApply(ok -> null);
    }

    /** True once a walk of this kind's listing has completed. */
    public boolean warmed(JobKind kind) {
        CompletableFuture<Boolean> run;
        synchronized (warmups) {
            run = warmups.get(kind);
        }
        return run != null && run.isDone() && run.join();
    }

    /** Why the last failed warm-up failed, e.g. "fine-tune index warm-up failed: Throttling: ... (HTTP 429)". */
    public Optional<String> lastError() {
        WarmFailure failure = lastFailure;
        return failure == null ? Optional.empty() : Optional.of(failure.message());
    }

    private void start(JobKind kind, CompletableFuture<Boolean> run) {
        if (walker == null) {
            run.complete(failed(kind, "there is no job listing to warm from"));
            return;
        }
        try {
            executor.execute(() -> run.complete(walk(kind)));
        } catch (RejectedExecutionException e) {
            run.complete(failed(kind, "the background executor is shut down"));
        }
    }

    private boolean walk(JobKind kind) {
        try {
            walker.walk(kind);
        } catch (ApiException e) {
            return failed(kind, e.describe());
        } catch (UncheckedIOException e) {
            return failed(kind, describe(e.getCause()));
        } catch (Exception e) {
            return failed(kind, describe(e));
        }
        WarmFailure failure = lastFailure;
        if (failure != null && failure.kind() == kind) {
            lastFailure = null;
        }
        return true;
    }

    private boolean failed(JobKind kind, String why) {
        lastFailure = new WarmFailure(kind, kind.label() + " index warm-up failed: " + why);
        return false;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static List<IndexEntry> matches(NavigableMap<String, IndexEntry> map, String prefix, int limit) {
        List<IndexEntry> out = new ArrayList<>(Math.min(limit, 32));
        Iterator<IndexEntry> entries = map.tailMap(prefix, true).values().iterator();
        while (out.size() < limit && entries.hasNext()) {
            IndexEntry entry = entries.next();
            if (!entry.id().startsWith(prefix)) {
                break;
            }
            out.add(entry);
        }
        return out;
    }

    /** Caller holds the bySeen lock. The new entry is linked before the old is unlinked, so readers never miss it. */
    private void put(IndexEntry entry) {
        IndexEntry old = bySeen.remove(entry.id());
        bySeen.put(entry.id(), entry);
        ids.get(entry.kind()).put(entry.id(), entry);
        addModel(entry);
        if (old != null) {
            if (old.kind() != entry.kind()) {
                ids.get(old.kind()).remove(old.id());
            }
            dropModel(old);
        }
        if (bySeen.size() > capacity) {
            Iterator<IndexEntry> eldest = bySeen.values().iterator();
            IndexEntry evicted = eldest.next();
            eldest.remove();
            unlink(evicted);
        }
    }

    private void unlink(IndexEntry entry) {
        ids.get(entry.kind()).remove(entry.id());
        dropModel(entry);
    }

    private void addModel(IndexEntry entry) {
        if (entry.model() != null) {
            models.get(entry.kind()).merge(entry.model(), 1, Integer::sum);
        }
    }

    private void dropModel(IndexEntry entry) {
        if (entry.model() != null) {
            models.get(entry.kind()).computeIfPresent(entry.model(), (name, count) -> count == 1 ? null : count - 1);
        }
    }

    private record WarmFailure(JobKind kind, String message) {
    }
}
