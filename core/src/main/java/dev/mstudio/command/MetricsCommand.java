package dev.mstudio.command;

import dev.mstudio.client.Checkpoint;
import dev.mstudio.training.TrainingCurve;
import dev.mstudio.training.TrainingLogParser;
import dev.mstudio.training.TrainingPoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** /finetune metrics ID: the training curve read from the job's log, with its last, lowest and best points. */
final class MetricsCommand {

    Result run(Session session, Command command, Context context) throws IOException {
        String id = command.get(Declarations.ID);
        TrainingCurve curve = TrainingLogParser.parse(session.trainingLogs().lines(id));
        if (curve.points().isEmpty()) {
            return Result.Message.info("The log of fine-tune job " + id + " has no loss values yet.");
        }
        List<Checkpoint> checkpoints = session.jobs().client().checkpoints(id);
        return new Result.Chart("Training loss of fine-tune job " + id, curve, summary(curve, checkpoints),
                CurveJson.of(id, curve));
    }

    static List<String> summary(TrainingCurve curve, List<Checkpoint> checkpoints) {
        List<String> lines = new ArrayList<>();
        curve.lastTrain().ifPresent(p -> lines.add("last train loss " + number(p.trainLoss()) + " at step " + p.step()));
        curve.minTrain().ifPresent(p -> lines.add("lowest train loss " + number(p.trainLoss()) + " at step " + p.step()));
        curve.bestEval().ifPresent(p -> lines.add("best validation loss " + number(p.evalLoss()) + " at step " + p.step()
                + dev.mstudio.training.BestCheckpoint.of(p, checkpoints).map(c -> " (" + c.checkpoint() + ")")
                        .orElse("")));
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
