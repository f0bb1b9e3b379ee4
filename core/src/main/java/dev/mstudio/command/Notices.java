package dev.mstudio.command;

import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.watch.WatchEvent;

/** Watch events as messages for people, e.g. "import 937b…c2fa qwen3-32b-offline-…: RUNNING → SUCCESSED". */
final class Notices {
    private static final int ID_LENGTH = 20;
    private static final int NAME_LENGTH = 24;

    private Notices() {
    }

    static Result.Message changed(WatchEvent.StatusChanged event) {
        Job job = event.job();
        String text = describe(job) + ": " + event.oldStatus() + " → " + event.newStatus() + failure(job);
        return new Result.Message(level(job.kind(), event.newStatus()), text, 0, JobViews.raw(job));
    }

    static Result.Message gone(WatchEvent.JobGone event) {
        return new Result.Message(Result.Level.WARNING, event.kind().label() + " " + shownId(event.kind(), event.jobId())
                + " is gone: it was deleted, or never existed.", 0, null);
    }

    /** "import 937b…c2fa qwen3-32b-offline-…" (short ID, then the job's name or model). */
    static String describe(Job job) {
        String name = name(job);
        return job.kind().label() + " " + shownId(job.kind(), job.id())
                + (name == null ? "" : " " + clip(name, NAME_LENGTH));
    }

    /** "ended FAILED"; a deployment, which lives on once settled, "is RUNNING". */
    static String settled(Job job) {
        return (job.kind() == JobKind.DEPLOYMENT ? "is " : "ended ") + job.status();
    }

    /** "already ended SUCCESSED"; a deployment "is already RUNNING". */
    static String alreadySettled(Job job) {
        return job.kind() == JobKind.DEPLOYMENT ? "is already " + job.status() : "already ended " + job.status();
    }

    /** The job's display name, else its model; null when neither says more than its ID. */
    static String name(Job job) {
        String name = job.displayName() != null ? job.displayName() : job.model();
        return name == null || name.isBlank() || name.equals(job.id()) ? null : name;
    }

    /** SUCCESS for a success status, WARNING for another terminal one, INFO otherwise. */
    static Result.Level level(JobKind kind, String status) {
        if (kind.isSuccess(status)) {
            return Result.Level.SUCCESS;
        }
        return kind.isTerminal(status) ? Result.Level.WARNING : Result.Level.INFO;
    }

    /** " (error_code ModelFileInvalid)" for a failed job that says why; empty otherwise. */
    static String failure(Job job) {
        if (job instanceof ImportJob imported && imported.errorCode() != null) {
            return " (error_code " + imported.errorCode() + ")";
        }
        if (job instanceof FineTuneJob fineTune && fineTune.code() != null) {
            return " (" + fineTune.code() + (fineTune.message() == null ? "" : ": " + clip(fineTune.message(), 80)) + ")";
        }
        return "";
    }

    /** A job's ID as notices show it: a deployed model's name is a name people chose, so it stays whole. */
    static String shownId(JobKind kind, String id) {
        return kind == JobKind.DEPLOYMENT ? id : shortId(id);
    }

    /** Long IDs as "937b…c2fa"; fine-tune IDs (ft-202410291653-1c7f) stay whole. */
    static String shortId(String id) {
        return id.length() <= ID_LENGTH ? id : id.substring(0, 4) + "…" + id.substring(id.length() - 4);
    }

    static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
