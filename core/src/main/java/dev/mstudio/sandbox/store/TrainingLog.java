package dev.mstudio.sandbox.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mstudio.sandbox.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training log and checkpoints of a fine-tune job, derived from its plan and the clock:
 * nothing is stored, and the same instant always yields the same lines.
 */
public final class TrainingLog {

    private static final double TRAIN_FROM = 0.05;
    private static final double TRAIN_SPAN = 0.90;
    private static final int LINES_PER_EPOCH = 10;
    /** A checkpoint not exported is deleted 15 days after it was saved. */
    static final long EXPIRY_MS = 15L * 24 * 3600 * 1000;

    private final StoredFineTune job;
    private final StoredFineTune.Plan plan;
    private final long cutoff;
    private final List<String> out = new ArrayList<>();

    private TrainingLog(StoredFineTune job, long now) {
        this.job = job;
        this.plan = job.plan();
        Lifecycle lifecycle = job.lifecycle();
        long until = lifecycle.progressUntil(now);
        this.cutoff = lifecycle.succeeds() ? until : Math.min(until, lifecycle.endMs() - 1);
    }

    /** The lines written up to {@code now}, oldest first. */
    public static List<String> lines(StoredFineTune job, long now) {
        TrainingLog log = new TrainingLog(job, now);
        log.writeProgress();
        log.writeEnding(now);
        return log.out;
    }

    /** One checkpoint per finished epoch. */
    public static ArrayNode checkpoints(StoredFineTune job, long now) {
        TrainingLog log = new TrainingLog(job, now);
        ArrayNode out = Json.array();
        for (int epoch = 1; epoch <= log.plan.epochs(); epoch++) {
            int step = epoch * log.plan.stepsPerEpoch();
            long at = log.at(TRAIN_FROM + TRAIN_SPAN * epoch / log.plan.epochs());
            if (at > log.cutoff) {
                break;
            }
            String name = "checkpoint-" + step;
            out.addObject()
                    .put("checkpoint_id", new java.util.UUID(log.plan.seed(), epoch).toString())
                    .put("checkpoint", name)
                    .put("create_time", Json.plain(at))
                    .put("status", "SUCCEEDED")
                    .put("step", step)
                    .put("epoch", epoch)
                    .put("model_name", job.finetunedOutput() + "-" + name)
                    .put("full_name", job.id() + ":" + name)
                    .put("model_display_name", job.model() + "-" + name)
                    .put("expire_time", Json.plain(at + EXPIRY_MS))
                    .put("job_id", job.id());
        }
        return out;
    }

    private void writeProgress() {
        Lifecycle life = job.lifecycle();
        var hyper = job.hyperParameters();
        boolean open = add(life.createdMs(), "Fine-tune job %s created: model %s, training_type %s, %d training"
                        + " file(s), %d validation file(s).", job.id(), job.model(), job.trainingType(),
                job.trainingFileIds().size(), job.validationFileIds().size())
                && add(Math.min(life.createdMs() + 1000, life.startMs()), "Job queued; waiting for training resources.")
                && add(life.startMs(), "Resources allocated: %d GPU(s). Loading base model %s.", gpus(), job.baseModel())
                && add(at(0.02), "Read %d samples: %d for training, %d for validation.",
                plan.trainSamples() + plan.validSamples(), plan.trainSamples(), plan.validSamples())
                && add(at(0.04), "Training started: %d epoch(s) x %d steps, batch_size %d, learning_rate %s,"
                        + " lr_scheduler_type %s, max_length %d.", plan.epochs(), plan.stepsPerEpoch(),
                hyper.path("batch_size").asInt(), hyper.path("learning_rate").asText(),
                hyper.path("lr_scheduler_type").asText(), hyper.path("max_length").asInt())
                && writeEpochs()
                && add(at(0.96), "Training finished. Exporting model %s.", job.finetunedOutput());
        if (open) {
            add(at(1.0), "Model %s is ready. Usage: %d tokens.", job.finetunedOutput(), plan.usage());
            add(at(1.0), "##FT_COMPLETE##");
        }
    }

    private boolean writeEpochs() {
        int steps = plan.stepsPerEpoch();
        int total = plan.epochs() * steps;
        int every = Math.max(1, steps / LINES_PER_EPOCH);
        for (int epoch = 1; epoch <= plan.epochs(); epoch++) {
            for (int s = every; s < steps; s += every) {
                if (!writeStep(epoch, (epoch - 1) * steps + s, total)) {
                    return false;
                }
            }
            if (!writeStep(epoch, epoch * steps, total)) {
                return false;
            }
            long end = at(TRAIN_FROM + TRAIN_SPAN * epoch / plan.epochs());
            double eval = loss(epoch * steps, total) * 1.06;
            if (!add(end, "{'eval_loss': %s, 'eval_runtime': %.2f, 'epoch': %.1f, 'step': %d}", number(eval),
                    2.5 + (plan.seed() & 0x7) / 4.0, (double) epoch, epoch * steps)
                    || !add(end, "Epoch %d/%d done. Saved checkpoint-%d.", epoch, plan.epochs(), epoch * steps)) {
                return false;
            }
        }
        return true;
    }

    /** A step as the service logs it: {'train_loss': 0.913, 'epoch': 0.85, 'step': 40, 'learning_rate': ...}. */
    private boolean writeStep(int epoch, int step, int total) {
        long at = at(TRAIN_FROM + TRAIN_SPAN * step / total);
        return add(at, "{'train_loss': %s, 'epoch': %.2f, 'step': %d, 'learning_rate': %.3e}",
                number(loss(step, total)), (double) step / plan.stepsPerEpoch(), step, learningRate(step, total));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "nan" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** The closing lines of a job that failed, was canceled or was forced into a status. */
    private void writeEnding(long now) {
        Lifecycle life = job.lifecycle();
        Lifecycle.Forced forced = life.forced();
        if (forced == null) {
            if (!life.succeeds() && now >= life.endMs()) {
                writeFailure(life.endMs());
            }
            return;
        }
        if (forced.atMs() > now) {
            return;
        }
        String status = forced.statusAt(now);
        if (!status.equals(forced.status())) {
            line(forced.atMs(), "Cancel requested; stopping the job.");
        }
        long at = forced.sinceMs(now);
        switch (status) {
            case StatusVocabulary.CANCELED -> line(at, "Job canceled.");
            case StatusVocabulary.FAILED -> writeFailure(at);
            case "SUCCEEDED" -> line(at, "Job succeeded.");
            case Lifecycle.CANCELING_STATUS -> line(at, "Cancel requested; stopping the job.");
            default -> line(at, "Job status changed to " + status + ".");
        }
    }

    private void writeFailure(long at) {
        Catalog.TrainingFailure why = job.failure() != null ? job.failure() : Catalog.TRAINING_FAILURES.get(3);
        line(at, "ERROR " + why.code() + ": " + why.message());
        line(at, "Job failed.");
    }

    private boolean add(long at, String format, Object... args) {
        if (at > cutoff) {
            return false;
        }
        line(at, String.format(Locale.ROOT, format, args));
        return true;
    }

    private void line(long at, String text) {
        out.add("[" + Json.plain(at) + "] " + text);
    }

    private long at(double share) {
        return job.lifecycle().startMs() + Math.round(plan.planMs() * share);
    }

    private double loss(int step, int total) {
        double start = 1.5 + (plan.seed() & 0xFF) / 255.0;
        double progress = (double) step / total;
        if (diverges() && progress > 0.6) {
            return Double.NaN;
        }
        double noise = ((mix(plan.seed() + step) >>> 11) / (double) (1L << 53) - 0.5) * 0.06;
        return Math.max(0.05, start * (0.3 + 0.7 * Math.exp(-3 * progress)) + noise);
    }

    private double learningRate(int step, int total) {
        double base = Double.parseDouble(job.hyperParameters().path("learning_rate").asText("1e-5"));
        double progress = (double) step / total;
        return switch (job.hyperParameters().path("lr_scheduler_type").asText("linear")) {
            case "cosine" -> base * 0.5 * (1 + Math.cos(Math.PI * progress));
            case "constant", "constant_with_warmup" -> base;
            case "polynomial" -> base * Math.pow(1 - progress, 2);
            default -> base * (1 - progress);
        };
    }

    /** One failing run in three goes NaN before it fails, as unstable runs do. */
    private boolean diverges() {
        return !job.lifecycle().succeeds() && Math.floorMod(plan.seed(), 3) == 0;
    }

    private int gpus() {
        String model = job.baseModel();
        if (model.matches(".*-(72|235|32)b.*") || model.equals("qwen-plus")) {
            return 8;
        }
        return model.contains("14b") ? 4 : 2;
    }

    /** SplitMix64's finalizer: a cheap, well-spread hash of a long. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
