package dev.mstudio.command;

import dev.mstudio.paging.JobLookup;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.concurrent.Alarm;
import dev.mstudio.watch.Subscription;
import dev.mstudio.watch.WatchEvent;
import dev.mstudio.watch.WatchFilter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * /wait ID [--timeout DURATION]: blocks until the job is terminal, following it through the shared
 * watcher and reporting each change as progress. Exit code 0 succeeded, 1 failed or canceled (or
 * gone), 2 timed out; a deployment alike: RUNNING is 0, FAILED or STOPPED 1. The deadline bounds
 * the whole wait: the first look-up of the job is interrupted when it passes (which cancels its HTTP
 * call), and the following is read from the session's clock, checked at least every 200 ms.
 */
final class WaitCommand {
    static final int TIMEOUT_EXIT = 2;
    private static final long SLICE_MILLIS = 200;

    Result run(Session session, Command invocation, Context context) throws IOException, InterruptedException {
        return waitFor(session, invocation.get(Declarations.ID), invocation.get(Declarations.TIMEOUT));
    }

    /** What a create with --wait answers: {@code done} (what it created), then how the wait for {@code id} ended. */
    Result after(Session session, String done, String id) throws IOException, InterruptedException {
        Result waited = waitFor(session, id, null);
        if (waited instanceof Result.Message message) {
            return new Result.Message(message.level(), done + " " + message.text(), message.exitCode(), message.json());
        }
        return waited;
    }

    /** Waits for job {@code id} (timeout null: no deadline); what /wait and create --wait answer. */
    Result waitFor(Session session, String id, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = timeout == null ? null : session.clock().instant().plus(timeout);
        Job job;
        try (Alarm alarm = Alarm.interruptAfter(timeout)) {
            try {
                job = JobLookup.locate(session.jobs(), id);
            } catch (IOException | RuntimeException e) {
                if (alarm.rang()) {
                    return new Result.Message(Result.Level.WARNING, "Timed out after " + human(timeout)
                            + " waiting for " + id + ": DashScope did not answer in time.", TIMEOUT_EXIT, null);
                }
                throw e;
            }
        }
        return job.terminal() ? outcome(job) : follow(session, job, timeout, deadline);
    }

    /** Follows a job that has not ended through the shared watcher until it ends or the deadline passes. */
    private static Result follow(Session session, Job job, Duration timeout, Instant deadline)
            throws InterruptedException {
        BlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
        try (Subscription subscription = session.watchers().of(job.kind())
                .subscribe(WatchFilter.job(job.id()), events::add)) {
            session.host().progress(Notices.describe(job) + ": " + job.status());
            Job last = job;
            while (deadline == null || session.clock().instant().isBefore(deadline)) {
                WatchEvent event = events.poll(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                if (event instanceof WatchEvent.JobGone gone) {
                    return new Result.Message(Result.Level.WARNING, Notices.gone(gone).text(), 1, null);
                }
                Job seen = event instanceof WatchEvent.StatusChanged changed ? changed.job()
                        : event instanceof WatchEvent.JobSeen known ? known.job() : null;
                if (seen != null) {
                    if (!seen.status().equals(last.status())) {
                        session.host().progress(Notices.describe(seen) + ": " + last.status() + " → " + seen.status());
                    }
                    last = seen;
                    if (seen.terminal()) {
                        return outcome(seen);
                    }
                }
            }
            return new Result.Message(Result.Level.WARNING, "Timed out after " + human(timeout) + " waiting for "
                    + Notices.describe(last) + "; it is still " + last.status() + ".", TIMEOUT_EXIT, JobViews.raw(last));
        }
    }

    private static Result outcome(Job job) {
        boolean success = job.kind().isSuccess(job.status());
        String text = Notices.describe(job) + " " + (success && job.kind() != JobKind.DEPLOYMENT
                ? "succeeded: " + job.status() : Notices.settled(job)) + Notices.failure(job) + ".";
        return new Result.Message(success ? Result.Level.SUCCESS : Result.Level.WARNING, text, success ? 0 : 1,
                JobViews.raw(job));
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
