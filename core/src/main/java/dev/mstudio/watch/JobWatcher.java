package dev.mstudio.watch;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.watch.WatchEvent.JobGone;
import dev.mstudio.watch.WatchEvent.JobSeen;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one shared watcher of a job kind, in the manner of a Kubernetes informer: it polls the
 * service, keeps a local store of the last known job by ID, diffs each snapshot into
 * {@link WatchEvent}s and fans them out to any number of isolated listeners. Obtain it from
 * {@link Watchers#of(JobKind)}. Thread-safe.
 *
 * <p>Each cycle follows the watch targets - known non-terminal jobs some listener follows, plus
 * every active job while a kind-wide listener exists - either by walking the PENDING/RUNNING lists
 * (page size 100; for deployments, whose list takes no status, the whole list once) or by one GET per
 * target, whichever costs fewer requests. A target missing from
 * a complete walk of the lists is looked up once, so a terminal transition is always reported with
 * the job's real final state. With nothing to follow the watcher stops polling; a new listener
 * restarts it.
 */
public final class JobWatcher {
    private final JobKind kind;
    private final WatchConfig config;
    private final Object lock = new Object();
    private final WatchStore store;
    private final Listeners listeners = new Listeners();
    private final CycleStats stats = new CycleStats();
    private final AtomicLong listenerErrors = new AtomicLong();
    private final Pacer pacer;
    private final PollFetch fetch;
    private final PollLoop loop;
    private volatile boolean synced;
    private Map<String, String> lastSaved = Map.of();

    JobWatcher(JobKind kind, WatchConfig config) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.config = config;
        this.store = new WatchStore(kind);
        this.pacer = new Pacer(config.intervals());
        this.fetch = new PollFetch(new JobSource(kind, config.client()), this::offerToSink);
        this.loop = new PollLoop(config.scheduler(), this::cycle, config.intervals().maxBackoff());
        seedFromStateStore();
    }

    public JobKind kind() {
        return kind;
    }

    /**
     * Reads the state store again for jobs this watcher does not know yet: a bot replica that just
     * took over the polling resumes from what the previous leader saved, not from its own start.
     */
    public void reloadState() {
        seedFromStateStore();
    }

    /**
     * Registers a listener. It first gets a JobSeen for every known job the filter matches (and a
     * JobGone for each named ID the service said it does not know), then live events. Named IDs not
     * known yet are looked up once at the next cycle, which comes at once unless the watcher is
     * backing off.
     */
    public Subscription subscribe(WatchFilter filter, WatchListener listener) {
        ListenerQueue queue = new ListenerQueue(filter, listener, config.executor(), listenerErrors,
                this::unsubscribe);
        boolean soon;
        boolean empty;
        synchronized (lock) {
            boolean newToKindWide = filter.kindWide() && !listeners.kindWide();
            listeners.add(queue);
            replay(queue);
            pacer.reset();
            soon = (newToKindWide || filter.jobIds().stream().anyMatch(this::unfetched))
                    && pacer.consecutiveErrors() == 0;
            empty = PollPlan.of(kind, store, listeners).isEmpty();
        }
        queue.kick();
        if (!empty) {
            loop.wake(soon);
        }
        return queue;
    }

    /** True once the first full pass completed. */
    public boolean hasSynced() {
        return synced;
    }

    public WatchHealth health() {
        synchronized (lock) {
            return stats.snapshot(kind, state(), synced, pacer.consecutiveErrors(), listenerErrors.get(),
                    listeners.size(), loop.lastDelay());
        }
    }

    /** The job as last fetched, when the watcher knows it. */
    public Optional<Job> job(String jobId) {
        synchronized (lock) {
            return store.job(jobId);
        }
    }

    /** Every job the watcher knows, as last fetched. */
    public List<Job> jobs() {
        synchronized (lock) {
            return store.jobs();
        }
    }

    /** Stops polling for good, saves the last statuses and closes every subscription. */
    void close() {
        loop.close();
        persist();
        listeners.all().forEach(ListenerQueue::close);
    }

    private Duration cycle() {
        PollPlan plan;
        synchronized (lock) {
            plan = PollPlan.of(kind, store, listeners);
        }
        if (plan.isEmpty()) {
            return null;
        }
        FetchResult result = fetch.fetch(plan);
        Duration next;
        boolean idle;
        synchronized (lock) {
            boolean activity = apply(result);
            next = pace(result, activity);
            stats.record(result, plan.targets().size(), config.clock().instant());
            idle = result.complete() && PollPlan.of(kind, store, listeners).isEmpty();
        }
        listeners.kickAll();
        persist();
        return idle ? null : next;
    }

    /** Diffs what was fetched into the store and queues the events; true when anything happened. */
    private boolean apply(FetchResult result) {
        boolean activity = false;
        for (Job job : result.observed().values()) {
            WatchEvent event = store.observe(job);
            if (event != null) {
                listeners.route(event, job);
                activity = true;
            }
        }
        for (String id : result.gone()) {
            Job last = store.job(id).orElse(null);
            listeners.route(store.markGone(id), last);
            activity = true;
        }
        store.recordTotals(result.totals());
        store.retain(listeners::relevant);
        synced |= result.complete();
        return activity;
    }

    private Duration pace(FetchResult result, boolean activity) {
        if (result.complete()) {
            return pacer.afterSuccess(activity);
        }
        if (result.error() instanceof ApiException api) {
            return pacer.afterError(api.isThrottling(), api.retryAfter().orElse(null));
        }
        return pacer.afterError(false, null);
    }

    private void replay(ListenerQueue queue) {
        WatchFilter filter = queue.filter();
        store.jobs().stream().filter(filter::matches).forEach(job -> queue.enqueue(new JobSeen(job)));
        filter.jobIds().stream().filter(store::isGone).forEach(id -> queue.enqueue(new JobGone(kind, id)));
    }

    private boolean unfetched(String jobId) {
        return !store.isFetched(jobId) && !store.isGone(jobId);
    }

    private void unsubscribe(ListenerQueue queue) {
        boolean empty;
        synchronized (lock) {
            listeners.remove(queue);
            store.retain(listeners::relevant);
            empty = PollPlan.of(kind, store, listeners).isEmpty();
        }
        if (empty) {
            loop.stop();
        }
    }

    private WatchHealth.State state() {
        if (loop.idle()) {
            return WatchHealth.State.IDLE;
        }
        if (pacer.consecutiveErrors() > 0) {
            return WatchHealth.State.BACKING_OFF;
        }
        return synced ? WatchHealth.State.WATCHING : WatchHealth.State.SYNCING;
    }

    private void seedFromStateStore() {
        try {
            Map<String, String> saved = config.stateStore().load(kind);
            synchronized (lock) {
                store.seed(saved);
                lastSaved = Map.copyOf(saved);
            }
        } catch (RuntimeException e) {
            synchronized (lock) {
                stats.storeFailed("loading watch state", e);
            }
        }
    }

    /** Saves the last statuses when they changed since the last save. */
    private void persist() {
        Map<String, String> now;
        synchronized (lock) {
            now = Map.copyOf(store.statuses());
            if (now.equals(lastSaved)) {
                return;
            }
            lastSaved = now;
        }
        try {
            config.stateStore().save(kind, now);
        } catch (RuntimeException e) {
            synchronized (lock) {
                stats.storeFailed("saving watch state", e);
                lastSaved = Map.of();
            }
        }
    }

    private void offerToSink(Job job) {
        try {
            config.sink().accept(job);
        } catch (RuntimeException e) {
            listenerErrors.incrementAndGet();
        }
    }
}
