package dev.mstudio.paging;

import dev.mstudio.client.Job;
import dev.mstudio.client.Page;
import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * A remembered listing, for {@code /next} and {@code /prev}: the query last shown and its page.
 * Showing a page starts loading the following one in the background, through the page cache, so
 * paging forward does not wait. Pages come from the cache, so paging back within its TTL costs no
 * request. Thread-safe.
 */
public final class Listing {
    private final Jobs jobs;
    private JobQuery query;
    private Page<Job> page;

    Listing(Jobs jobs, JobQuery query, Page<Job> page) {
        this.jobs = jobs;
        this.query = query;
        this.page = page;
    }

    /** The query of the page shown (kind, filters, page number and size). */
    public synchronized JobQuery query() {
        return query;
    }

    /** The page shown. */
    public synchronized Page<Job> current() {
        return page;
    }

    /** The number of the page shown, from 1. */
    public synchronized int pageNo() {
        return query.pageNo();
    }

    /** The number of pages the listing spans (at least 1, even when it is empty). */
    public synchronized int pageCount() {
        return Math.max(1, (page.total() + query.pageSize() - 1) / query.pageSize());
    }

    /** The number of jobs in the whole listing, as of the page shown. */
    public synchronized int total() {
        return page.total();
    }

    public synchronized boolean hasNext() {
        return query.pageNo() < pageCount();
    }

    public synchronized boolean hasPrevious() {
        return query.pageNo() > 1;
    }

    /**
     * Shows the following page.
     *
     * @throws NoSuchElementException on the last page, saying so: "already on the last page (3 of 3)"
     */
    public synchronized Page<Job> next() throws IOException {
        if (!hasNext()) {
            throw new NoSuchElementException(query.pageNo() == pageCount()
                    ? "already on the last page (" + query.pageNo() + " of " + pageCount() + ")"
                    : "page " + query.pageNo() + " is past the last page (" + pageCount() + ")");
        }
        return show(query.withPage(query.pageNo() + 1));
    }

    /**
     * Shows the preceding page (from past the end, the last page).
     *
     * @throws NoSuchElementException on the first page: "already on the first page (1 of 3)"
     */
    public synchronized Page<Job> prev() throws IOException {
        if (!hasPrevious()) {
            throw new NoSuchElementException("already on the first page (1 of " + pageCount() + ")");
        }
        return show(query.withPage(Math.min(query.pageNo() - 1, pageCount())));
    }

    @Override
    public synchronized String toString() {
        return "Listing{" + query.kind().label() + " page " + query.pageNo() + " of " + pageCount() + "}";
    }

    /** Starts loading the following page in the background, if there is one and the jobs prefetch. */
    synchronized void prefetchNext() {
        if (hasNext() && jobs.prefetchesNextPage()) {
            jobs.prefetch(query.withPage(query.pageNo() + 1));
        }
    }

    private Page<Job> show(JobQuery wanted) throws IOException {
        Page<Job> shown = jobs.page(wanted);
        query = wanted;
        page = shown;
        prefetchNext();
        return shown;
    }
}
