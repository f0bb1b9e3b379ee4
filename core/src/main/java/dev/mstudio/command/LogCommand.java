package dev.mstudio.command;

import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.client.LogPage;
import java.io.IOException;
import java.util.List;

/**
 * /finetune logs ID [--tail N] [--follow]: the last N lines (the total is learnt first), then, with
 * --follow, new lines as notices every poll interval until the job ends or the thread is interrupted.
 */
final class LogCommand {
    static final int DEFAULT_TAIL = 100;
    private static final int MOST_PER_CALL = 1_000;

    Result run(Session session, Command invocation, Context context) throws IOException, InterruptedException {
        String id = invocation.get(Declarations.ID);
        int tail = invocation.get(Declarations.TAIL, DEFAULT_TAIL);
        DashScopeClient client = session.jobs().client();
        int total = client.fineTuneLogs(id, 0, 1).total();
        int offset = Math.max(0, total - tail);
        LogPage page = total == 0 ? new LogPage(0, List.of(), null) : client.fineTuneLogs(id, offset, tail);
        Result.LogLines lines = lines(id, page, offset);
        if (!invocation.has(Declarations.FOLLOW)) {
            return lines;
        }
        Job job = session.jobs().get(JobKind.FINETUNE, id);
        if (job.terminal()) {
            return lines;
        }
        session.host().notice(lines);
        return follow(session, id, offset + page.lines().size());
    }

    /** Polls from line {@code seen} until the job is terminal and every line it wrote was shown. */
    private Result follow(Session session, String id, int seen) throws IOException, InterruptedException {
        DashScopeClient client = session.jobs().client();
        int shown = seen;
        while (true) {
            session.sleeper().sleep(session.followInterval());
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            Job job = session.jobs().client().getFineTune(id);
            LogPage more = client.fineTuneLogs(id, shown, MOST_PER_CALL);
            if (!more.lines().isEmpty()) {
                session.host().notice(lines(id, more, shown));
                shown += more.lines().size();
            }
            if (job.terminal() && more.lines().size() < MOST_PER_CALL) {
                session.jobs().index().record(job);
                return new Result.Message(Notices.level(JobKind.FINETUNE, job.status()), "Fine-tune job " + id
                        + " ended " + job.status() + Notices.failure(job) + "; its log has "
                        + JobViews.count(shown, "line") + ".", 0, JobViews.raw(job));
            }
        }
    }

    private static Result.LogLines lines(String id, LogPage page, int offset) {
        return new Result.LogLines("Log of fine-tune job " + id, page.lines(), offset, page.total(), JobViews.logJson(page));
    }
}
