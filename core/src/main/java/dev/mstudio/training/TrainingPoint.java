package dev.mstudio.training;

/**
 * One point of a training curve, at a step: what the log said there. Any value the log did not give
 * is null (an evaluation line has no train loss; most train lines have no validation loss).
 */
public record TrainingPoint(int step, Double epoch, Double trainLoss, Double evalLoss, Double learningRate) {

    /** This point with {@code other}'s values filled in where this one has none. */
    TrainingPoint merge(TrainingPoint other) {
        return new TrainingPoint(step, epoch != null ? epoch : other.epoch,
                trainLoss != null ? trainLoss : other.trainLoss, evalLoss != null ? evalLoss : other.evalLoss,
                learningRate != null ? learningRate : other.learningRate);
    }
}
