package dev.mstudio.watch;

import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one cycle has to find out, and how: the watch targets (known non-terminal jobs some listener
 * follows, with their last status), the IDs to look up once, and whether walking the active lists
 * costs fewer requests than one GET per target.
 *
 * @param kindWide     some listener follows every job: the active lists must be walked
 * @param targets      job ID -> last known non-terminal status
 * @param lookups      IDs listeners named that are not known yet (one GET each)
 * @param listStatuses active statuses to list, in lifecycle order (empty when not listing); for a kind
 *                     whose list takes no filters, {@link #EVERY_STATUS}: the whole list, once
 * @param totals       list totals by status from the previous walk
 * @param useLists     walk the lists (then GET only what they did not show)
 * @param listLookups  the walk is expected to find the IDs to look up too (all active statuses listed)
 */
record PollPlan(boolean kindWide, Map<String, String> targets, Set<String> lookups, List<String> listStatuses,
        Map<String, Integer> totals, boolean useLists, boolean listLookups) {
    /** What is "listed" for a kind whose list takes no status filter (deployments): the whole list. */
    static final String EVERY_STATUS = "*";

    PollPlan {
        targets = Map.copyOf(targets);
        lookups = Set.copyOf(lookups);
        listStatuses = List.copyOf(listStatuses);
        totals = Map.copyOf(totals);
    }

    static PollPlan of(JobKind kind, WatchStore store, Listeners listeners) {
        boolean kindWide = listeners.kindWide();
        Map<String, String> targets = new LinkedHashMap<>();
        store.nonTerminal().forEach((id, status) -> {
            if (kindWide || listeners.relevant(id)) {
                targets.put(id, status);
            }
        });
        Set<String> lookups = new LinkedHashSet<>();
        for (String id : listeners.namedIds()) {
            if (!store.isFetched(id) && !store.isGone(id) && !targets.containsKey(id)) {
                lookups.add(id);
            }
        }
        return choose(kind, kindWide, targets, lookups, store.totals());
    }

    /**
     * The cheapest of: one GET per target and lookup; walking the statuses the targets are in and
     * GETting the lookups; walking every active status, where the lookups may turn up too. List
     * costs are estimated from the last walk's totals; a kind-wide listener always needs the walk.
     */
    private static PollPlan choose(JobKind kind, boolean kindWide, Map<String, String> targets,
            Set<String> lookups, Map<String, Integer> totals) {
        if (!kind.listFilters()) {
            return chooseWhole(kindWide, targets, lookups, totals);
        }
        List<String> forTargets = statusesToList(kind, kindWide, targets);
        List<String> all = kind.activeStatuses();
        int unlisted = unlisted(kind, targets);
        int gets = targets.size() + lookups.size();
        int listTargets = forTargets.isEmpty() ? Integer.MAX_VALUE
                : pages(forTargets, totals) + unlisted + lookups.size();
        int listAll = lookups.isEmpty() ? Integer.MAX_VALUE : pages(all, totals) + unlisted;
        if (!kindWide && gets <= Math.min(listTargets, listAll)) {
            return new PollPlan(false, targets, lookups, List.of(), totals, false, false);
        }
        boolean forLookups = kindWide || listAll < listTargets;
        return new PollPlan(kindWide, targets, lookups, forLookups ? all : forTargets, totals, true, forLookups);
    }

    /**
     * For a kind whose list takes no filters: one walk of the whole list shows every target and
     * lookup as the service has it now, whatever its status, so it costs its pages and nothing more.
     */
    private static PollPlan chooseWhole(boolean kindWide, Map<String, String> targets, Set<String> lookups,
            Map<String, Integer> totals) {
        List<String> whole = List.of(EVERY_STATUS);
        if (!kindWide && targets.size() + lookups.size() <= pages(whole, totals)) {
            return new PollPlan(false, targets, lookups, List.of(), totals, false, false);
        }
        return new PollPlan(kindWide, targets, lookups, whole, totals, true, true);
    }

    /**
     * Whether a job the walk of {@code listStatus} turned up is one it looks for: in that status (a
     * service may ignore the filter), or, in the whole list, one not finished or one followed.
     */
    boolean wanted(String listStatus, Job job) {
        if (EVERY_STATUS.equals(listStatus)) {
            return !job.terminal() || targets.containsKey(job.id()) || lookups.contains(job.id());
        }
        return listStatus.equalsIgnoreCase(job.status());
    }

    /** Whether the walk of these statuses is expected to show a target last seen in {@code status}. */
    static boolean shows(List<String> listStatuses, String status) {
        return listStatuses.contains(EVERY_STATUS) || listStatuses.contains(status.toUpperCase(Locale.ROOT));
    }

    /** Nothing to poll: the watcher can go idle. */
    boolean isEmpty() {
        return !kindWide && targets.isEmpty() && lookups.isEmpty();
    }

    /** True when a job fetched this cycle belongs in the store. */
    boolean relevant(String jobId) {
        return kindWide || targets.containsKey(jobId) || lookups.contains(jobId);
    }

    /** Estimated pages of one status's list, from the last walk's total (1 when never walked). */
    int pages(String status) {
        Integer total = totals.get(status);
        return total == null ? 1 : pageCount(total);
    }

    static int pageCount(int total) {
        return Math.max(1, (total + JobSource.PAGE_SIZE - 1) / JobSource.PAGE_SIZE);
    }

    /**
     * Kind-wide: every active status. Otherwise from the earliest active status a target is in
     * onwards (a PENDING job moves to RUNNING; a RUNNING one does not move back).
     */
    private static List<String> statusesToList(JobKind kind, boolean kindWide, Map<String, String> targets) {
        List<String> active = kind.activeStatuses();
        if (kindWide) {
            return active;
        }
        int earliest = targets.values().stream()
                .mapToInt(status -> active.indexOf(status.toUpperCase(Locale.ROOT)))
                .filter(i -> i >= 0)
                .min().orElse(-1);
        return earliest < 0 ? List.of() : active.subList(earliest, active.size());
    }

    private static int pages(List<String> statuses, Map<String, Integer> totals) {
        return statuses.stream().mapToInt(s -> totals.containsKey(s) ? pageCount(totals.get(s)) : 1).sum();
    }

    /** Targets in a non-terminal status the lists cannot filter by (e.g. QUEUING): a GET each. */
    private static int unlisted(JobKind kind, Map<String, String> targets) {
        return (int) targets.values().stream()
                .filter(status -> !kind.activeStatuses().contains(status.toUpperCase(Locale.ROOT)))
                .count();
    }
}
