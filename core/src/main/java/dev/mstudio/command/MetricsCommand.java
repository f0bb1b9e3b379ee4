package dev.mstudio.command;

import dev.mstudio.client.Checkpoint;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.training.BestCheckpoint;
import dev.mstudio.training.TrainingCurve;
import dev.mstudio.training.TrainingLogParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * /finetune metrics ID [--follow]: the training curve read from the job's log, with its last, lowest
 * and best points. With --follow (REPL), the chart is drawn again as a notice whenever the log gains
 * loss values, every poll interval, until the job ends (the last chart says how) or Ctrl-C. The log
 * is read incrementally ({@link dev.mstudio.training.FineTuneLogs}), so each poll asks only for new lines.
 */
final class MetricsCommand {

    Result run(Session session, Command command, Context context) throws IOException, InterruptedException {
        String id = command.get(Declarations.ID);
        TrainingCurve curve = curve(session, id);
        if (command.has(Declarations.FOLLOW)) {
            Job job = session.jobs().get(JobKind.FINETUNE, id);
            if (!job.terminal()) {
                session.host().notice(drawn(session, id, curve, List.of()));
                return follow(session, id, curve.points().size());
            }
        }
        return drawn(session, id, curve, List.of());
    }

    /** Polls until the job is terminal, noticing a new chart whenever points were added. */
    private Result follow(Session session, String id, int points) throws IOException, InterruptedException {
        int shown = points;
        while (true) {
            session.sleeper().sleep(session.followInterval());
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            Job job = session.jobs().client().getFineTune(id);
            TrainingCurve curve = curve(session, id);
            if (job.terminal()) {
                session.jobs().index().record(job);
                return drawn(session, id, curve, List.of("fine-tune job " + id + " ended " + job.status()
                        + Notices.failure(job)));
            }
            if (curve.points().size() > shown) {
                session.host().notice(drawn(session, id, curve, List.of()));
                shown = curve.points().size();
            }
        }
    }

    private static TrainingCurve curve(Session session, String id) throws IOException {
        return TrainingLogParser.parse(session.trainingLogs().lines(id));
    }

    private static Result drawn(Session session, String id, TrainingCurve curve, List<String> ending)
            throws IOException {
        if (curve.points().isEmpty()) {
            String text = "The log of fine-tune job " + id + " has no loss values yet.";
            return Result.Message.info(ending.isEmpty() ? text : text + " The " + ending.get(0) + ".");
        }
        List<String> summary = new ArrayList<>(summary(curve, session.jobs().client().checkpoints(id)));
        summary.addAll(ending);
        return new Result.Chart("Training loss of fine-tune job " + id, curve, summary, CurveJson.of(id, curve));
    }

    static List<String> summary(TrainingCurve curve, List<Checkpoint> checkpoints) {
        List<String> lines = new ArrayList<>();
        curve.lastTrain().ifPresent(p -> lines.add("last train loss " + number(p.trainLoss()) + " at step " + p.step()));
        curve.minTrain().ifPresent(p -> lines.add("lowest train loss " + number(p.trainLoss()) + " at step " + p.step()));
        curve.bestEval().ifPresent(p -> lines.add("best validation loss " + number(p.evalLoss()) + " at step " + p.step()
                + BestCheckpoint.of(p, checkpoints).map(c -> " (" + c.checkpoint() + ")").orElse("")));
        curve.points().stream().filter(p -> p.trainLoss() != null && p.trainLoss().isNaN()).findFirst()
                .ifPresent(p -> lines.add("the loss became NaN at step " + p.step()));
        if (curve.complete()) {
            lines.add("training complete");
        }
        return lines;
    }

    private static String number(Double value) {
        return value.isNaN() ? "NaN" : String.format(Locale.ROOT, "%.4f", value);
    }
}
