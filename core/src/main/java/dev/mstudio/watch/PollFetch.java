package dev.mstudio.watch;

import dev.mstudio.client.Job;
import dev.mstudio.client.Page;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Carries out one {@link PollPlan}: walks the active lists (for deployments, the whole list) when the
 * plan says so, then GETs every target the lists did not show (all of them when not listing) and every
 * ID to look up. So a job that left the active lists is resolved with exactly one GET showing its
 * real final state.
 * A list walk that turns out dearer than the GETs it saves (its real totals are larger than last
 * cycle's) is abandoned for GETs, unless a kind-wide listener needs the lists.
 */
final class PollFetch {
    private final JobSource source;
    private final Consumer<Job> sink;

    PollFetch(JobSource source, Consumer<Job> sink) {
        this.source = source;
        this.sink = sink;
    }

    FetchResult fetch(PollPlan plan) {
        Walk walk = new Walk(plan);
        try {
            if (plan.useLists()) {
                walkLists(walk);
            }
            getRemaining(walk);
        } catch (IOException | RuntimeException e) {
            walk.error = e;
        }
        return new FetchResult(walk.observed, walk.gone, walk.totals, walk.requests, walk.error);
    }

    private void walkLists(Walk walk) throws IOException {
        List<String> statuses = walk.plan.listStatuses();
        for (int i = 0; i < statuses.size(); i++) {
            if (!walkStatus(walk, i)) {
                return;
            }
        }
    }

    /** Walks one status to its end; false when the walk was abandoned as too dear. */
    private boolean walkStatus(Walk walk, int statusIndex) throws IOException {
        String status = walk.plan.listStatuses().get(statusIndex);
        for (int pageNo = 1; ; pageNo++) {
            walk.requests++;
            Page<? extends Job> page = source.list(status, pageNo);
            walk.totals.put(status, page.total());
            // the fine-tune status filter is undocumented: a service that ignores it sends every job
            page.items().stream().filter(job -> walk.plan.wanted(status, job)).forEach(walk::offer);
            if (page.items().isEmpty() || (long) pageNo * JobSource.PAGE_SIZE >= page.total()) {
                return true;
            }
            if (!walk.plan.kindWide() && !worthContinuing(walk, statusIndex, pageNo, page.total())) {
                return false;
            }
        }
    }

    /**
     * Continue only while the pages left cost fewer requests than GETting what the walk is still
     * expected to show: the active targets (and, when listing for them, the lookups) not seen yet.
     */
    private static boolean worthContinuing(Walk walk, int statusIndex, int pageNo, int total) {
        List<String> statuses = walk.plan.listStatuses();
        int pagesLeft = PollPlan.pageCount(total) - pageNo;
        for (int j = statusIndex + 1; j < statuses.size(); j++) {
            pagesLeft += walk.plan.pages(statuses.get(j));
        }
        long unseen = walk.plan.targets().entrySet().stream()
                .filter(t -> !walk.observed.containsKey(t.getKey()))
                .filter(t -> PollPlan.shows(statuses, t.getValue()))
                .count();
        if (walk.plan.listLookups()) {
            unseen += walk.plan.lookups().stream().filter(id -> !walk.observed.containsKey(id)).count();
        }
        return pagesLeft < unseen;
    }

    private void getRemaining(Walk walk) throws IOException {
        Set<String> ids = new LinkedHashSet<>(walk.plan.targets().keySet());
        ids.addAll(walk.plan.lookups());
        for (String id : ids) {
            if (!walk.observed.containsKey(id)) {
                walk.requests++;
                Optional<Job> job = source.get(id);
                job.ifPresentOrElse(walk::offer, () -> walk.gone.add(id));
            }
        }
    }

    /** The cycle's accumulating result. */
    private final class Walk {
        final PollPlan plan;
        final Map<String, Job> observed = new LinkedHashMap<>();
        final Set<String> gone = new LinkedHashSet<>();
        final Map<String, Integer> totals = new HashMap<>();
        int requests;
        Exception error;

        Walk(PollPlan plan) {
            this.plan = plan;
        }

        void offer(Job job) {
            sink.accept(job);
            if (plan.relevant(job.id())) {
                observed.put(job.id(), job);
            }
        }
    }
}
