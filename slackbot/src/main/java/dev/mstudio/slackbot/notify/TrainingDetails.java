package dev.mstudio.slackbot.notify;

import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Job;
import dev.mstudio.training.BestCheckpoint;
import dev.mstudio.training.FineTuneLogs;
import dev.mstudio.training.TrainingLogParser;
import java.io.IOException;
import java.util.List;

/**
 * What a fine-tune's end message carries beyond its status, read from its log when it ends: the
 * last log lines of a failure, the best checkpoint of a success, the loss chart for its thread.
 * Each is left out, never waited for, when the service cannot be asked now.
 */
final class TrainingDetails {
    /** How many log lines a failure message shows. */
    static final int FAILURE_TAIL = 10;
    /** The start of the one line a success carries instead of log lines. */
    static final String BEST = "Best checkpoint: ";

    private final DashScopeClient client;
    private final FineTuneLogs logs;

    TrainingDetails(DashScopeClient client) {
        this.client = client;
        this.logs = new FineTuneLogs(client);
    }

    /** A fine-tune's loss chart as a PNG, or null when its log has no loss to draw or cannot be read now. */
    byte[] chart(String jobId) {
        try {
            return ChartPng.render("Training loss of fine-tune job " + jobId, TrainingLogParser.parse(logs.lines(jobId)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Under a failure, the last lines of its log; under a success, its best checkpoint; none when unknown. */
    List<String> under(Job job) {
        if (!Outcomes.isFailure(job.kind(), job.status())) {
            return bestCheckpoint(job);
        }
        try {
            int total = client.fineTuneLogs(job.id(), 0, 1).total();
            int from = Math.max(0, total - FAILURE_TAIL);
            return client.fineTuneLogs(job.id(), from, FAILURE_TAIL).lines();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private List<String> bestCheckpoint(Job job) {
        try {
            return BestCheckpoint.describe(TrainingLogParser.parse(logs.lines(job.id())), client.checkpoints(job.id()))
                    .map(best -> List.of(BEST + best)).orElse(List.of());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
