package dev.mstudio.training;

import dev.mstudio.client.Checkpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Where a fine-tune did best: the checkpoint saved at (or first after) its lowest validation loss. */
public final class BestCheckpoint {
    private BestCheckpoint() {
    }

    /** The checkpoint at the best evaluation's step, or the first one after it; empty without evaluations. */
    public static Optional<Checkpoint> of(TrainingPoint best, List<Checkpoint> checkpoints) {
        return checkpoints.stream().filter(c -> c.step() != null && c.step() >= best.step())
                .min(Comparator.comparing(Checkpoint::step));
    }

    /** "checkpoint-363 (validation loss 0.6466 at step 363)", or empty when the curve has no evaluation. */
    public static Optional<String> describe(TrainingCurve curve, List<Checkpoint> checkpoints) {
        return curve.bestEval().flatMap(best -> of(best, checkpoints).map(c -> c.checkpoint()
                + String.format(java.util.Locale.ROOT, " (validation loss %.4f at step %d)", best.evalLoss(),
                        best.step())));
    }
}
