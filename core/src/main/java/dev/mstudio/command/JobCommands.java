package dev.mstudio.command;

import dev.mstudio.client.Checkpoint;
import dev.mstudio.client.CreateImportRequest;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One job: /import ID, /import create, /import delete, /finetune ID, cancel, delete and checkpoints.
 * Its JSON is built in {@link JobViews}: loading this class (every session does, for its handlers)
 * must not load Jackson's tree classes, which checking a {@code JsonNode} subtype here would.
 */
final class JobCommands {
    private static final List<Column> CHECKPOINT_COLUMNS = List.of(new Column("CHECKPOINT", ValueType.ID),
            new Column("NAME", ValueType.TEXT), new Column("STEP", ValueType.NUMBER), new Column("STATUS", ValueType.STATUS),
            new Column("MODEL NAME", ValueType.TEXT), new Column("CREATED", ValueType.TIME),
            new Column("EXPIRES", ValueType.TEXT));

    Result show(Session session, Command invocation, JobKind kind) throws IOException {
        return JobViews.detail(session.jobs().get(kind, invocation.get(Declarations.ID)), invocation);
    }

    Result create(Session session, Command invocation, Context context) throws IOException {
        CreateImportRequest request = new CreateImportRequest(invocation.get(Declarations.BASE), invocation.get(Declarations.WEIGHT),
                invocation.get(Declarations.BUCKET), invocation.get(Declarations.KEY), invocation.get(Declarations.NAME));
        ImportJob job = session.jobs().createImport(request);
        String slash = invocation.slash() ? "/" : "";
        return new Result.Message(Result.Level.SUCCESS, "Created import job " + job.id()
                + (job.model() == null ? "" : " (model " + job.model() + ")") + ", " + job.status() + ". "
                + slash + "watch " + job.id() + " to hear when it ends.", 0, JobViews.raw(job));
    }

    Result delete(Session session, Command invocation, JobKind kind) throws IOException {
        String id = invocation.get(Declarations.ID);
        session.jobs().delete(kind, id);
        return done("Deleted " + kind.label() + " job " + id + ".", id);
    }

    Result cancel(Session session, Command invocation, Context context) throws IOException {
        String id = invocation.get(Declarations.ID);
        session.jobs().cancelFineTune(id);
        return done("Asked to cancel fine-tune job " + id + "; it shows CANCELING, then CANCELED.", id);
    }

    Result checkpoints(Session session, Command invocation, Context context) throws IOException {
        String id = invocation.get(Declarations.ID);
        List<Checkpoint> checkpoints = session.jobs().client().checkpoints(id);
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            names.add(checkpoint.checkpoint());
            rows.add(Arrays.asList(checkpoint.checkpointId(), checkpoint.checkpoint(), checkpoint.step(), checkpoint.status(), checkpoint.modelName(),
                    JobViews.time(checkpoint.createTime()), expiry(checkpoint, session.clock().instant())));
        }
        session.names().checkpoints(id, names.stream().filter(java.util.Objects::nonNull).toList());
        return new Result.Table("Checkpoints of fine-tune job " + id, CHECKPOINT_COLUMNS, rows,
                JobViews.count(checkpoints.size(), "checkpoint")
                        + "; /finetune export ID CHECKPOINT --name NAME keeps one past its expiry",
                JobViews.checkpointsJson(checkpoints));
    }

    /** "expires in 3 d", "expires in 5 h", "expired"; null when the service sent no expire_time. */
    static String expiry(Checkpoint checkpoint, java.time.Instant now) {
        java.time.Instant at = checkpoint.expiresAt();
        if (at == null) {
            return null;
        }
        long seconds = java.time.Duration.between(now, at).getSeconds();
        if (seconds <= 0) {
            return "expired";
        }
        return seconds >= 86_400 ? "expires in " + seconds / 86_400 + " d"
                : seconds >= 3_600 ? "expires in " + seconds / 3_600 + " h" : "expires in " + Math.max(1, seconds / 60) + " min";
    }

    /** Asked before a delete, naming the job (fetched now, so that the user knows what goes). */
    static String askDelete(Session session, Command command, JobKind kind) throws IOException {
        Job job = session.jobs().get(kind, command.get(Declarations.ID));
        return "Delete " + describe(job) + "? This cannot be undone.";
    }

    static String askCancel(Session session, Command command) throws IOException {
        Job job = session.jobs().get(JobKind.FINETUNE, command.get(Declarations.ID));
        return "Cancel " + describe(job) + "?";
    }

    static String askCreate(Session session, Command command) {
        String name = command.get(Declarations.NAME);
        return "Create an import job of " + command.get(Declarations.BASE) + " (" + command.get(Declarations.WEIGHT)
                + " weights) from oss://" + command.get(Declarations.BUCKET) + "/" + command.get(Declarations.KEY)
                + (name == null ? "" : ", named " + name) + "?";
    }

    /** "import job 937b… (qwen3-32b-offline, SUCCESSED)". */
    private static String describe(Job job) {
        String name = Notices.name(job);
        return job.kind().label() + " job " + job.id() + " (" + (name == null ? "" : name + ", ") + job.status() + ")";
    }

    private static Result done(String text, String id) {
        return new Result.Message(Result.Level.SUCCESS, text, 0, JobViews.doneJson(id));
    }
}
