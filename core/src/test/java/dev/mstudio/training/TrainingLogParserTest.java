package dev.mstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingLogParserTest {

    @Test
    void parse_serviceDictLines_trainAndEvalAtTheirSteps_andCompletion() {
        TrainingCurve curve = TrainingLogParser.parse(List.of(
                "2024-10-29 16:55:01 INFO start training",
                "{'train_loss': 1.913, 'epoch': 0.42, 'step': 20, 'learning_rate': 9.5e-05}",
                "{'train_loss': 0.913, 'epoch': 0.85, 'step': 40, 'learning_rate': 8.9e-05}",
                "{'eval_loss': 0.77, 'eval_runtime': 3.1, 'epoch': 0.85, 'step': 40}",
                "{'loss': 0.8, 'epoch': 1.0, 'step': 47}",
                "##FT_COMPLETE##"));

        assertThat(curve.complete()).isTrue();
        assertThat(curve.points()).extracting(TrainingPoint::step).containsExactly(20, 40, 47);
        TrainingPoint at40 = curve.points().get(1);
        assertThat(at40.trainLoss()).isEqualTo(0.913);
        assertThat(at40.evalLoss()).isEqualTo(0.77);
        assertThat(at40.epoch()).isEqualTo(0.85);
        assertThat(at40.learningRate()).isEqualTo(8.9e-05);
        assertThat(curve.bestEval()).hasValueSatisfying(p -> assertThat(p.step()).isEqualTo(40));
        assertThat(curve.lastTrain()).hasValueSatisfying(p -> assertThat(p.trainLoss()).isEqualTo(0.8));
    }

    @Test
    void parse_sandboxLines_stepLossLearningRate_andEpochSummaries() {
        TrainingCurve curve = TrainingLogParser.parse(List.of(
                "[2024-10-29 16:53:53] Training started: 3 epoch(s) x 24 steps, batch_size 8",
                "[2024-10-29 16:54:10] Epoch 1/3 step 12/72 loss 1.5012 lr 9.167e-06",
                "[2024-10-29 16:54:20] Epoch 1/3 step 24/72 loss 1.2001 lr 8.333e-06",
                "[2024-10-29 16:54:21] Epoch 1/3 done: train_loss 1.2001, valid_loss 1.2721. Saved checkpoint-24.",
                "[2024-10-29 16:55:10] Epoch 3/3 step 50/72 loss 0.7445 lr 3.056e-06"));

        assertThat(curve.complete()).isFalse();
        assertThat(curve.points()).extracting(TrainingPoint::step).containsExactly(12, 24, 50);
        assertThat(curve.points().get(1).evalLoss()).isEqualTo(1.2721);
        assertThat(curve.points().get(0).epoch()).isEqualTo(0.5);
        assertThat(curve.points().get(2).learningRate()).isEqualTo(3.056e-06);
        assertThat(curve.minTrain()).hasValueSatisfying(p -> assertThat(p.step()).isEqualTo(50));
    }

    @Test
    void parse_garbageNanAndHugeLines_areSkippedOrKept_neverFatal() {
        TrainingCurve curve = TrainingLogParser.parse(java.util.Arrays.asList(null, "", "{", "{'train_loss': }",
                "{'epoch': 1.0}", "loss loss loss", "x".repeat(20_000) + "{'train_loss': 1.0, 'step': 1}",
                "{'train_loss': nan, 'step': 7}", "{\"eval_loss\": 0.5}", "Epoch x/3 step 1/2 loss abc"));

        assertThat(curve.points()).extracting(TrainingPoint::step).containsExactly(7);
        assertThat(curve.points().get(0).trainLoss()).isNaN();
        assertThat(curve.points().get(0).evalLoss()).as("an eval without a step belongs to the last step").isEqualTo(0.5);
        assertThat(curve.minTrain()).isEmpty();
    }
}
