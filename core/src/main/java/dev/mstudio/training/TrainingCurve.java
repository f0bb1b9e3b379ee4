package dev.mstudio.training;

import java.util.List;
import java.util.Optional;

/**
 * A fine-tune job's training curve, from its log: points by step, and whether the log said the
 * training completed ({@code ##FT_COMPLETE##}).
 */
public record TrainingCurve(List<TrainingPoint> points, boolean complete) {

    public TrainingCurve {
        points = List.copyOf(points);
    }

    /** The last point that has a train loss. */
    public Optional<TrainingPoint> lastTrain() {
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i).trainLoss() != null) {
                return Optional.of(points.get(i));
            }
        }
        return Optional.empty();
    }

    /** The point with the lowest train loss. */
    public Optional<TrainingPoint> minTrain() {
        return points.stream().filter(p -> p.trainLoss() != null && !p.trainLoss().isNaN())
                .min((a, b) -> Double.compare(a.trainLoss(), b.trainLoss()));
    }

    /** The evaluation with the lowest validation loss: where the best checkpoint is. */
    public Optional<TrainingPoint> bestEval() {
        return points.stream().filter(p -> p.evalLoss() != null && !p.evalLoss().isNaN())
                .min((a, b) -> Double.compare(a.evalLoss(), b.evalLoss()));
    }

    /** The points that carry a validation loss, in step order. */
    public List<TrainingPoint> evaluations() {
        return points.stream().filter(p -> p.evalLoss() != null).toList();
    }
}
