package dev.mstudio.paging;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.client.Page;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The Caffeine caches behind {@link Jobs}: listing pages (short TTL, stale-while-revalidate) and
 * single jobs (shorter TTL). Concurrent identical requests share one load; a failed load is not
 * cached, and a failed background refresh keeps serving the stale page until it expires. A load
 * every waiter gave up on (Ctrl-C) is stopped and not cached: see {@link #await}.
 */
final class PageCache {
    private static final long MAXIMUM_JOBS = 1_000;

    /** Where cache misses go: the client, through the facade that records what it fetches. */
    interface Source {
        Page<Job> page(JobQuery query) throws IOException;

        Job job(JobKind kind, String id) throws IOException;
    }

    record Settings(Ticker ticker, Executor executor, Duration ttl, Duration refreshAfter, Duration jobTtl,
                    long maximumPages) {
    }

    private record JobRef(JobKind kind, String id) {
    }

    /** A load, which may throw anything the client throws. */
    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    private final AsyncLoadingCache<JobQuery, Page<Job>> pages;
    private final AsyncLoadingCache<JobRef, Job> jobs;

    PageCache(Settings settings, Source source) {
        Executor maintenance = inlineOnceClosed(settings.executor());
        pages = Caffeine.newBuilder()
                .ticker(settings.ticker())
                .executor(maintenance)
                .maximumSize(settings.maximumPages())
                .expireAfterWrite(settings.ttl())
                .refreshAfterWrite(settings.refreshAfter())
                .buildAsync((query, unused) -> quietly(() -> source.page(query), settings.executor()));
        jobs = Caffeine.newBuilder()
                .ticker(settings.ticker())
                .executor(maintenance)
                .maximumSize(MAXIMUM_JOBS)
                .expireAfterWrite(settings.jobTtl())
                .buildAsync((ref, unused) -> quietly(() -> source.job(ref.kind(), ref.id()), settings.executor()));
    }

    Page<Job> page(JobQuery query) throws IOException {
        return await(pages.get(query));
    }

    /** Starts loading a page if it is not cached (or refreshing it if it is due) without waiting. */
    CompletableFuture<Page<Job>> prefetch(JobQuery query) {
        return pages.get(query);
    }

    Job job(JobKind kind, String id) throws IOException {
        return await(jobs.get(new JobRef(kind, id)));
    }

    /** Forgets every cached page of a kind, loads in flight included. */
    void invalidatePages(JobKind kind) {
        pages.asMap().keySet().removeIf(query -> query.kind() == kind);
    }

    void invalidateJob(JobKind kind, String id) {
        jobs.asMap().remove(new JobRef(kind, id));
    }

    /**
     * Runs a load on the cache's executor. Caffeine logs every exceptionally completed load at
     * WARNING except cancellations, and core never prints; so a failure travels as a
     * {@link QuietFailure} (a CancellationException) whose cause {@link #await} rethrows. An Error
     * still completes the future (so no caller waits forever) and is logged, as it should be.
     */
    private static <T> CompletableFuture<T> quietly(Call<T> call, Executor executor) {
        Load<T> load = new Load<>();
        try {
            executor.execute(() -> {
                if (!load.started()) {
                    return;
                }
                try {
                    load.complete(call.call());
                } catch (Exception e) {
                    load.completeExceptionally(new QuietFailure(e));
                } catch (Error e) {
                    load.completeExceptionally(e);
                } finally {
                    load.finished();
                }
            });
        } catch (RejectedExecutionException e) {
            load.completeExceptionally(new QuietFailure(new IllegalStateException("job paging is closed", e)));
        }
        return load;
    }

    /**
     * Caffeine also runs its own bookkeeping on the executor and logs at WARNING when that is
     * refused; after {@link Jobs#close()} shuts the pool down, that bookkeeping runs inline instead.
     * Loads themselves still fail with "job paging is closed" (see {@link #quietly}).
     */
    private static Executor inlineOnceClosed(Executor executor) {
        return task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
    }

    /**
     * Waits for a load and throws what the client threw: ApiException, IOException,
     * IllegalArgumentException. On Ctrl-C (an interrupt) the caller gets control back at once, and a
     * load nobody else waits for is stopped (its HTTP call canceled) and dropped from the cache, so
     * that asking again starts afresh instead of joining the abandoned request.
     */
    static <T> T await(CompletableFuture<T> future) throws IOException {
        Load<?> load = future instanceof Load<?> shared ? shared : null;
        if (load != null) {
            load.enter();
        }
        boolean abandoned = false;
        try {
            return future.get();
        } catch (InterruptedException e) {
            abandoned = true;
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for DashScope");
        } catch (ExecutionException | CompletionException | CancellationException e) {
            throw unwrap(e);
        } finally {
            if (load != null) {
                load.leave(abandoned);
            }
        }
    }

    /** Returns the IOException to throw, or throws the unchecked exception itself. */
    static IOException unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException || cause instanceof QuietFailure
                || cause instanceof UncheckedIOException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause.getMessage(), cause);
    }

    /**
     * A load in flight, with who waits for it and the thread running it: when the last waiter gives
     * up, the thread is interrupted (which cancels the HTTP call, see the client) and the load fails
     * at once, which makes Caffeine drop it. Loads nobody waits for (prefetches) are left to run.
     */
    private static final class Load<T> extends CompletableFuture<T> {
        private Thread runner;
        private int waiters;
        private boolean abandoned;

        /** False when the load was abandoned before it started: then it must not run. */
        synchronized boolean started() {
            if (abandoned) {
                return false;
            }
            runner = Thread.currentThread();
            return true;
        }

        /** After this, no interrupt comes from this load; one it sent to its own runner is cleared. */
        synchronized void finished() {
            runner = null;
            if (abandoned) {
                Thread.interrupted();
            }
        }

        synchronized void enter() {
            waiters++;
        }

        void leave(boolean givingUp) {
            synchronized (this) {
                waiters--;
                if (!givingUp || waiters > 0 || isDone()) {
                    return;
                }
                abandoned = true;
                if (runner != null) {
                    runner.interrupt();
                }
            }
            completeExceptionally(new QuietFailure(new InterruptedIOException("the load was abandoned")));
        }
    }

    private static final class QuietFailure extends CancellationException {
        QuietFailure(Throwable cause) {
            super(cause.getMessage());
            initCause(cause);
        }
    }
}
