package dev.mstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.Checkpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class BestCheckpointTest {

    private static Checkpoint checkpoint(String name, int step) {
        return new Checkpoint(name + "-id", name, "2024-10-29 16:53:53", "SUCCEEDED", step, "m-" + name, null);
    }

    @Test
    void describe_namesTheCheckpointAtOrFirstAfterTheLowestValidationLoss() {
        TrainingCurve curve = TrainingLogParser.parse(List.of("{'eval_loss': 0.9, 'step': 100}",
                "{'eval_loss': 0.7, 'step': 150}", "{'eval_loss': 0.8, 'step': 300}"));
        List<Checkpoint> checkpoints = List.of(checkpoint("checkpoint-100", 100), checkpoint("checkpoint-200", 200),
                checkpoint("checkpoint-300", 300));

        assertThat(BestCheckpoint.describe(curve, checkpoints))
                .hasValue("checkpoint-200 (validation loss 0.7000 at step 150)");
        assertThat(BestCheckpoint.describe(TrainingLogParser.parse(List.of("{'train_loss': 1.0, 'step': 1}")),
                checkpoints)).isEmpty();
    }
}
