package dev.mstudio.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.training.TrainingCurve;
import dev.mstudio.training.TrainingPoint;

/**
 * A training curve as JSON ({@code --output json}). Its own class, loaded only when a chart is made:
 * a command class whose code hands an ObjectNode on as a JsonNode makes the verifier load Jackson's
 * tree classes when the command language starts, which the start-up rules forbid (docs/STARTUP.md).
 */
final class CurveJson {
    private CurveJson() {
    }

    static JsonNode of(String id, TrainingCurve curve) {
        ObjectNode json = JobViews.JSON.objectNode().put("job_id", id).put("complete", curve.complete());
        ArrayNode points = json.putArray("points");
        for (TrainingPoint p : curve.points()) {
            ObjectNode node = points.addObject().put("step", p.step());
            put(node, "epoch", p.epoch());
            put(node, "train_loss", p.trainLoss());
            put(node, "eval_loss", p.evalLoss());
            put(node, "learning_rate", p.learningRate());
        }
        return json;
    }

    private static void put(ObjectNode node, String name, Double value) {
        if (value == null) {
            return;
        }
        if (value.isNaN() || value.isInfinite()) {
            node.put(name, value.toString());
        } else {
            node.put(name, value);
        }
    }
}
