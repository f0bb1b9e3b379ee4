package dev.mstudio.paging;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.mstudio.client.CreateFineTuneRequest;
import dev.mstudio.client.CreateImportRequest;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.client.Page;
import dev.mstudio.concurrent.DaemonThreads;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What front ends use instead of the raw client: cached listing pages (short TTL, refreshed in the
 * background, identical concurrent requests sharing one call), auto-paging, remembered listings,
 * mutations that invalidate the listings they change, and the {@link JobIndex} of every job seen.
 * Throws what the client throws: {@link dev.mstudio.client.ApiException}, {@link IOException},
 * {@link IllegalArgumentException}. Thread-safe; one instance is shared.
 */
public final class Jobs implements AutoCloseable {
    private final DashScopeClient client;
    private final PageCache cache;
    private final JobIndex index;
    private final ExecutorService ownedExecutor;
    private final boolean prefetchNextPage;

    private Jobs(Builder builder, Executor executor, ExecutorService ownedExecutor) {
        this.client = builder.client;
        this.ownedExecutor = ownedExecutor;
        this.prefetchNextPage = builder.prefetchNextPage;
        this.index = new JobIndex(builder.indexCapacity, builder.clock, executor, this::walkAll);
        Duration refresh = builder.refreshAfter != null ? builder.refreshAfter : builder.ttl.dividedBy(2);
        PageCache.Settings settings = new PageCache.Settings(
                builder.ticker, executor, builder.ttl, refresh, builder.jobTtl, builder.maximumPages);
        this.cache = new PageCache(settings, new PageCache.Source() {
            @Override
            public Page<Job> page(JobQuery query) throws IOException {
                return fetch(query);
            }

            @Override
            public Job job(JobKind kind, String id) throws IOException {
                return fetchJob(kind, id);
            }
        });
    }

    public static Builder builder(DashScopeClient client) {
        return new Builder(client);
    }

    /** One page of a listing; the same page asked again within the TTL costs no request. */
    public Page<Job> page(JobQuery query) throws IOException {
        return cache.page(Objects.requireNonNull(query, "query"));
    }

    /** Shows a page and remembers the listing for next/prev; the next page may load in the background. */
    public Listing listing(JobQuery query) throws IOException {
        Listing listing = new Listing(this, query, page(query));
        listing.prefetchNext();
        return listing;
    }

    /**
     * Every job matching the query's kind and filters (its page number and size are ignored), fetched
     * lazily 100 at a time as the stream is consumed, straight from the service. Sequential; a
     * transport failure surfaces as {@link java.io.UncheckedIOException}.
     */
    public Stream<Job> stream(JobQuery filter) {
        JobQuery first = filter.withPage(1).withPageSize(JobQuery.MAX_PAGE_SIZE);
        return StreamSupport.stream(new AutoPager(first, this::fetchAsServed), false);
    }

    /** One job, through a short cache (two seconds by default). */
    public Job get(JobKind kind, String id) throws IOException {
        Objects.requireNonNull(kind, "kind");
        return cache.job(kind, requireId(id));
    }

    public ImportJob createImport(CreateImportRequest request) throws IOException {
        ImportJob job = client.createImport(request);
        changed(job.kind(), job.id());
        index.record(job);
        return job;
    }

    public FineTuneJob createFineTune(CreateFineTuneRequest request) throws IOException {
        FineTuneJob job = client.createFineTune(request);
        changed(job.kind(), job.id());
        index.record(job);
        return job;
    }

    /** Deletes a job; afterwards no cached page of its kind is served and the index forgets it. */
    public void delete(JobKind kind, String id) throws IOException {
        String jobId = requireId(id);
        switch (Objects.requireNonNull(kind, "kind")) {
            case IMPORT -> client.deleteImport(jobId);
            case FINETUNE -> client.deleteFineTune(jobId);
            case DEPLOYMENT -> client.deleteDeployment(jobId);
        }
        changed(kind, jobId);
        index.forget(jobId);
    }

    /**
     * A job as a call made without this facade just returned it (a deployment created, scaled or
     * shown): the index learns it, and neither its cached copy nor a cached page of its kind is
     * served again.
     */
    public void record(Job job) {
        changed(job.kind(), job.id());
        index.record(job);
    }

    public void cancelFineTune(String id) throws IOException {
        String jobId = requireId(id);
        client.cancelFineTune(jobId);
        changed(JobKind.FINETUNE, jobId);
    }

    /** Drops every cached page of a kind, e.g. when a watcher saw a job of that kind change. */
    public void invalidate(JobKind kind) {
        cache.invalidatePages(Objects.requireNonNull(kind, "kind"));
    }

    public JobIndex index() {
        return index;
    }

    /** The client underneath, for calls that are never cached (logs, checkpoints). */
    public DashScopeClient client() {
        return client;
    }

    /** Stops the background threads this instance started; an injected executor and the client stay open. */
    @Override
    public void close() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    boolean prefetchesNextPage() {
        return prefetchNextPage;
    }

    /** Starts loading a page in the background (or joins the load under way) without waiting. */
    CompletableFuture<Page<Job>> prefetch(JobQuery query) {
        return cache.prefetch(query);
    }

    private void changed(JobKind kind, String id) {
        cache.invalidateJob(kind, id);
        cache.invalidatePages(kind);
    }

    /**
     * A page as the listing should show it. When the service ignored the status filter (the page
     * holds a job in another status), or takes no filters (deployments), the page is cut from a walk
     * of the whole listing, filtered here: each such page then costs a walk, but shows what was asked for.
     */
    private Page<Job> fetch(JobQuery query) throws IOException {
        boolean unfilteredList = !query.kind().listFilters() && (query.status() != null || query.model() != null);
        Page<Job> page = fetchAsServed(query);
        if (!unfilteredList && page.items().stream().allMatch(query::admits)) {
            return page;
        }
        List<Job> matching;
        try (Stream<Job> all = stream(query)) {
            matching = all.toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        int from = (int) Math.min(matching.size(), (long) (query.pageNo() - 1) * query.pageSize());
        List<Job> items = matching.subList(from, Math.min(matching.size(), from + query.pageSize()));
        return new Page<>(List.copyOf(items), matching.size(), query.pageNo(), query.pageSize(), page.requestId());
    }

    private Page<Job> fetchAsServed(JobQuery query) throws IOException {
        Page<? extends Job> page = switch (query.kind()) {
            case IMPORT -> client.listImports(query.toImportQuery());
            case FINETUNE -> client.listFineTunes(query.toFineTuneQuery());
            case DEPLOYMENT -> client.listDeployments(query.pageNo(), query.pageSize()).toPage();
        };
        index.recordAll(page.items());
        List<Job> items = List.copyOf(page.items());
        return new Page<>(items, page.total(), page.pageNo(), page.pageSize(), page.requestId());
    }

    private Job fetchJob(JobKind kind, String id) throws IOException {
        Job job = switch (kind) {
            case IMPORT -> client.getImport(id);
            case FINETUNE -> client.getFineTune(id);
            case DEPLOYMENT -> client.getDeployment(id);
        };
        index.record(job);
        return job;
    }

    private long walkAll(JobKind kind) {
        try (Stream<Job> all = stream(JobQuery.of(kind))) {
            return all.mapToLong(job -> 1).sum();
        }
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("job ID must not be blank");
        }
        return id.strip();
    }

    /** Settings, each with a default suited to an interactive console. */
    public static final class Builder {
        private final DashScopeClient client;
        private Ticker ticker = Ticker.systemTicker();
        private Executor executor;
        private Clock clock = Clock.systemUTC();
        private Duration ttl = Duration.ofSeconds(10);
        private Duration refreshAfter;
        private Duration jobTtl = Duration.ofSeconds(2);
        private long maximumPages = 500;
        private int indexCapacity = JobIndex.DEFAULT_CAPACITY;
        private boolean prefetchNextPage = true;

        private Builder(DashScopeClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The cache clock (tests pass a fake one). */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Runs loads, refreshes, prefetches and warm-ups; default: a pool of daemon threads owned by this instance. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Stamps the index's last-seen times. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a listing page is served from the cache; default 10 seconds. */
        public Builder ttl(Duration ttl) {
            this.ttl = positive(ttl, "ttl");
            return this;
        }

        /** Age after which a page read is served stale and refreshed in the background; default ttl / 2. */
        public Builder refreshAfter(Duration refreshAfter) {
            this.refreshAfter = positive(refreshAfter, "refreshAfter");
            return this;
        }

        /** How long a single job is served from the cache; default 2 seconds. */
        public Builder jobTtl(Duration jobTtl) {
            this.jobTtl = positive(jobTtl, "jobTtl");
            return this;
        }

        /** The most listing pages kept; default 500. */
        public Builder maximumPages(long maximumPages) {
            if (maximumPages < 1) {
                throw new IllegalArgumentException("maximumPages must be 1 or more, got " + maximumPages);
            }
            this.maximumPages = maximumPages;
            return this;
        }

        /** The most jobs the index remembers; default 100,000. */
        public Builder indexCapacity(int indexCapacity) {
            if (indexCapacity < 1) {
                throw new IllegalArgumentException("indexCapacity must be 1 or more, got " + indexCapacity);
            }
            this.indexCapacity = indexCapacity;
            return this;
        }

        /** Whether a listing loads its next page in the background (default true; one-shot runs need not). */
        public Builder prefetchNextPage(boolean prefetch) {
            this.prefetchNextPage = prefetch;
            return this;
        }

        public Jobs build() {
            if (refreshAfter != null && refreshAfter.compareTo(ttl) >= 0) {
                throw new IllegalArgumentException("refreshAfter (" + refreshAfter + ") must be shorter than ttl (" + ttl + ")");
            }
            if (executor != null) {
                return new Jobs(this, executor, null);
            }
            ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named("mstudio-paging"));
            return new Jobs(this, pool, pool);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + duration);
            }
            return duration;
        }
    }
}
