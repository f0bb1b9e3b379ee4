package dev.mstudio.command;

import dev.mstudio.paging.JobLookup;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.ValueType;
import dev.mstudio.command.Watches.Watch;
import dev.mstudio.watch.Subscription;
import dev.mstudio.watch.WatchEvent;
import dev.mstudio.watch.WatchFilter;
import dev.mstudio.watch.WatchListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** /watch, /unwatch and /watches: status changes of watched jobs reach the session's host as notices. */
final class WatchCommands {
    private static final List<Column> COLUMNS = List.of(new Column("WATCH", ValueType.ID),
            new Column("KIND", ValueType.TEXT), new Column("MODEL", ValueType.TEXT),
            new Column("STATUS", ValueType.STATUS), new Column("SINCE", ValueType.TIME));

    Result watch(Session session, Command invocation, Context context) throws IOException {
        List<String> ids = invocation.get(Declarations.IDS);
        List<JobKind> kinds = new ArrayList<>();
        if (invocation.has(Declarations.IMPORTS)) {
            kinds.add(JobKind.IMPORT);
        }
        if (invocation.has(Declarations.FINETUNES)) {
            kinds.add(JobKind.FINETUNE);
        }
        if (invocation.has(Declarations.DEPLOYMENTS)) {
            kinds.add(JobKind.DEPLOYMENT);
        }
        if (ids.isEmpty() == kinds.isEmpty()) {
            return Result.Failure.of(ids.isEmpty()
                    ? "Missing what to watch: job IDs, --imports, --finetunes or --deployments."
                    : "Give job IDs or --imports/--finetunes/--deployments, not both.", invocation.usage());
        }
        if (!ids.isEmpty() && invocation.get(Declarations.MODEL) != null) {
            return Result.Failure.of("--model applies to --imports, --finetunes or --deployments, not to job IDs.",
                    invocation.usage());
        }
        return ids.isEmpty() ? watchKinds(session, kinds, invocation.get(Declarations.MODEL)) : watchJobs(session, ids);
    }

    Result unwatch(Session session, Command invocation, Context context) {
        Watches watches = session.watches();
        if (invocation.has(Declarations.ALL)) {
            return info("Stopped " + JobViews.count(watches.closeAll(), "watch") + ".");
        }
        List<String> keys = new ArrayList<>(invocation.get(Declarations.IDS));
        if (invocation.has(Declarations.IMPORTS)) {
            keys.add(Watches.kindKey(JobKind.IMPORT));
        }
        if (invocation.has(Declarations.FINETUNES)) {
            keys.add(Watches.kindKey(JobKind.FINETUNE));
        }
        if (invocation.has(Declarations.DEPLOYMENTS)) {
            keys.add(Watches.kindKey(JobKind.DEPLOYMENT));
        }
        if (keys.isEmpty()) {
            return Result.Failure.of(
                    "Missing what to stop watching: job IDs, --imports, --finetunes, --deployments or --all.",
                    invocation.usage());
        }
        List<String> unknown = keys.stream().filter(key -> watches.remove(key).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            return Result.Failure.of("Not watching " + String.join(", ", unknown) + ".",
                    (invocation.slash() ? "/" : "") + "watches lists what this session watches.");
        }
        return info("Stopped watching " + String.join(", ", keys) + ".");
    }

    Result list(Session session, Command invocation, Context context) {
        List<List<Object>> rows = new ArrayList<>();
        for (Watch watch : session.watches().list()) {
            String status = watch.kindWide() ? null : session.watchers().of(watch.kind()).job(watch.jobId())
                    .map(Job::status).orElse(null);
            rows.add(Arrays.asList(watch.key(), watch.kind().label(), watch.model(), status, watch.since()));
        }
        String slash = invocation.slash() ? "/" : "";
        String footer = JobViews.count(rows.size(), "watch") + (rows.isEmpty() ? " · " + slash + "watch ID to start one"
                : " · " + slash + "unwatch ID|--all to stop");
        return new Result.Table("Watches", COLUMNS, rows, footer, null);
    }

    private Result watchJobs(Session session, List<String> ids) throws IOException {
        List<String> started = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        for (String id : ids.stream().distinct().toList()) {
            Job job = JobLookup.locate(session.jobs(), id);
            if (job.terminal()) {
                ended.add(Notices.describe(job) + " " + Notices.alreadySettled(job));
            } else {
                subscribe(session, job.id(), job.kind(), WatchFilter.job(job.id()), null, job.status());
                session.watchdog().observe(job);
                started.add(Notices.describe(job) + " (" + job.status() + ")");
            }
        }
        String text = (started.isEmpty() ? "" : "Watching " + String.join(", ", started) + ".")
                + (started.isEmpty() || ended.isEmpty() ? "" : " ")
                + (ended.isEmpty() ? "" : "Not watching " + String.join(", ", ended) + ".");
        return info(text);
    }

    private Result watchKinds(Session session, List<JobKind> kinds, String model) {
        List<String> what = new ArrayList<>();
        for (JobKind kind : kinds) {
            subscribe(session, Watches.kindKey(kind), kind, WatchFilter.all().withModel(model), model, null);
            what.add("every active " + kind.noun() + (model == null ? "" : " of model " + model));
        }
        return info("Watching " + String.join(" and ", what) + ".");
    }

    /**
     * Registers under a lock the listener also takes, so no event is handled before the watch is
     * recorded. {@code known} is the status the user was shown (null for a kind): a first sighting
     * in another status is a change too (the job moved before the watcher first fetched it).
     */
    private void subscribe(Session session, String key, JobKind kind, WatchFilter filter, String model, String known) {
        Delivery delivery = new Delivery(session, key, known);
        synchronized (delivery) {
            Subscription subscription = session.watchers().of(kind).subscribe(filter, delivery);
            delivery.subscription = subscription;
            String jobId = filter.kindWide() ? null : key;
            session.watches().add(new Watch(key, kind, jobId, model, session.clock().instant(), subscription));
        }
    }

    /** One watch's listener, on a watcher thread: changes become notices; a watched job that ends or goes is dropped. */
    private static final class Delivery implements WatchListener {
        private final Session session;
        private final String key;
        private String lastStatus;
        private Subscription subscription;

        Delivery(Session session, String key, String known) {
            this.session = session;
            this.key = key;
            this.lastStatus = known;
        }

        @Override
        public synchronized void onEvent(WatchEvent event) {
            if (event instanceof WatchEvent.JobSeen seen) {
                session.watchdog().observe(seen.job());
            } else if (event instanceof WatchEvent.StatusChanged changed) {
                session.watchdog().observe(changed.job());
            }
            if (event instanceof WatchEvent.StatusChanged changed) {
                report(changed);
            } else if (event instanceof WatchEvent.JobSeen seen && lastStatus != null
                    && !lastStatus.equals(seen.job().status())) {
                report(new WatchEvent.StatusChanged(seen.job(), lastStatus, seen.job().status()));
            } else if (event instanceof WatchEvent.JobGone gone) {
                dropIfOneJob();
                session.host().notice(Notices.gone(gone));
            }
        }

        private void report(WatchEvent.StatusChanged changed) {
            lastStatus = changed.newStatus();
            if (changed.finished()) {
                dropIfOneJob(); // first, so a front end showing the notice also shows the watch count without it
            }
            session.host().notice(Notices.changed(changed));
        }

        private void dropIfOneJob() {
            if (subscription != null && !subscription.filter().kindWide()) {
                session.watches().removeIfCurrent(key, subscription);
            }
        }
    }

    private static Result info(String text) {
        return new Result.Message(Result.Level.INFO, text, 0, null);
    }
}
