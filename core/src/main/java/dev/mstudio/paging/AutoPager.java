package dev.mstudio.paging;

import dev.mstudio.client.Job;
import dev.mstudio.client.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * Every job of a listing, one page at a time: page k+1 is fetched only when the consumer asks for
 * the job after the last one of page k. Stops at the listing's total (or at an empty page). A job
 * met twice, because new jobs shifted the pages during the walk, is passed on once; a job whose
 * status the listing's filter excludes (a service that ignored the filter sent it) is not at all.
 */
final class AutoPager extends Spliterators.AbstractSpliterator<Job> {

    /** Fetches one page; for a walk, straight from the client (walks would flood the page cache). */
    @FunctionalInterface
    interface Fetch {
        Page<Job> page(JobQuery query) throws IOException;
    }

    private final Fetch fetch;
    private final JobQuery filter;
    private final Set<String> seen = new HashSet<>();
    private JobQuery nextPage;
    private Iterator<Job> current = Collections.emptyIterator();

    AutoPager(JobQuery firstPage, Fetch fetch) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT);
        this.nextPage = firstPage;
        this.filter = firstPage;
        this.fetch = fetch;
    }

    @Override
    public boolean tryAdvance(Consumer<? super Job> action) {
        while (true) {
            while (current.hasNext()) {
                Job job = current.next();
                if (filter.admits(job) && seen.add(job.id())) {
                    action.accept(job);
                    return true;
                }
            }
            if (nextPage == null) {
                return false;
            }
            fetchNext();
        }
    }

    /** Walks split badly (each page depends on the last), so this spliterator never splits. */
    @Override
    public Spliterator<Job> trySplit() {
        return null;
    }

    private void fetchNext() {
        JobQuery query = nextPage;
        Page<Job> page;
        try {
            page = fetch.page(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        current = page.items().iterator();
        boolean more = !page.items().isEmpty() && (long) query.pageNo() * query.pageSize() < page.total();
        nextPage = more ? query.withPage(query.pageNo() + 1) : null;
    }
}
