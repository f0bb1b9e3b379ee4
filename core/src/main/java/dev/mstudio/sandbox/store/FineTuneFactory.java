package dev.mstudio.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mstudio.sandbox.http.Json;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds fine-tune jobs: new ones from a request, seeded ones at a chosen point of their life. */
public final class FineTuneFactory {

    private static final long PENDING_LOW_MS = 20_000;
    private static final long PENDING_HIGH_MS = 90_000;
    private static final long SETUP_LOW_MS = 60_000;
    private static final long SETUP_HIGH_MS = 120_000;
    private static final long EPOCH_LOW_MS = 2 * 60_000;
    private static final long EPOCH_HIGH_MS = 6 * 60_000;
    private static final Pattern OUTPUT_OF_JOB = Pattern.compile(".*-(ft-\\d{12}-[0-9a-f]{4})");

    private final SandboxState state;

    public FineTuneFactory(SandboxState state) {
        this.state = state;
    }

    /** A new PENDING job; its outcome is decided now by the failure rate. Not yet stored. */
    public StoredFineTune create(FineTuneBody request, String workspace, long now) {
        Catalog.TrainingFailure failure = state.decidesFailure() ? state.dice().pick(Catalog.TRAINING_FAILURES) : null;
        StoredFineTune.Plan plan = plan(request, state.dice(), this::randomPlanMs);
        long pending = state.duration(PENDING_LOW_MS, PENDING_HIGH_MS);
        Lifecycle lifecycle = Lifecycle.queued(now + pending, pending, runMs(plan, failure), failure == null);
        return build(request, workspace, plan, failure, lifecycle);
    }

    /** A job standing at {@code target} now; {@code canceled} ones were canceled along the way. */
    StoredFineTune seeded(Target target, boolean fails, boolean canceled, long now, long maxAgeMs, String workspace) {
        Dice dice = state.dice();
        FineTuneBody request = randomRequest(dice);
        Catalog.TrainingFailure failure = fails ? dice.pick(Catalog.TRAINING_FAILURES) : null;
        StoredFineTune.Plan plan = plan(request, dice, this::randomPlanMs);
        long pending = state.duration(PENDING_LOW_MS, PENDING_HIGH_MS);
        long run = runMs(plan, failure);
        long start = target.startMs(state, now, pending, run, maxAgeMs);
        Lifecycle lifecycle = Lifecycle.queued(start, pending, run, failure == null);
        if (canceled) {
            long span = lifecycle.endMs() - lifecycle.createdMs();
            long at = lifecycle.createdMs() + dice.between(span / 10, span * 9 / 10);
            lifecycle.force(StatusVocabulary.CANCELED, Math.min(at, now));
        }
        return build(request, workspace, plan, failure, lifecycle);
    }

    /**
     * A demo job drawn from {@code dice} alone, on a given lifecycle; {@code planMs} is how long
     * its whole training would take (a failing job stops part way).
     */
    StoredFineTune demo(Dice dice, Lifecycle lifecycle, Catalog.TrainingFailure failure, long planMs, String workspace) {
        FineTuneBody request = randomRequest(dice);
        StoredFineTune.Plan plan = plan(request, dice, epochs -> planMs);
        return new StoredFineTune(newId(lifecycle.createdMs(), dice), request.model(), request.model(),
                request.trainingFileIds(), request.validationFileIds(), request.hyperParameters(),
                request.trainingType(), request.suffix(), workspace, state.userId(), plan, failure, lifecycle);
    }

    /** A fresh job ID for the same job, for when the first one was taken. */
    public StoredFineTune withNewId(StoredFineTune job) {
        return new StoredFineTune(newId(job.createdMs(), state.dice()), job.model(), job.baseModel(), job.trainingFileIds(),
                job.validationFileIds(), job.hyperParameters(), job.trainingType(), job.suffix(),
                job.workspaceId(), job.userId(), job.plan(), job.failure(), job.lifecycle());
    }

    private StoredFineTune build(FineTuneBody request, String workspace, StoredFineTune.Plan plan,
                              Catalog.TrainingFailure failure, Lifecycle lifecycle) {
        return new StoredFineTune(newId(lifecycle.createdMs(), state.dice()), request.model(), baseModelOf(request.model()),
                request.trainingFileIds(), request.validationFileIds(), request.hyperParameters(),
                request.trainingType(), request.suffix(), workspace, state.userId(), plan, failure, lifecycle);
    }

    private static String newId(long createdMs, Dice dice) {
        return "ft-" + Json.minute(createdMs) + "-" + dice.hex(4);
    }

    /** Training a fine-tuned model again keeps the original base model. */
    private String baseModelOf(String model) {
        Matcher m = OUTPUT_OF_JOB.matcher(model);
        if (m.matches()) {
            return state.fineTunes().find(m.group(1)).map(StoredFineTune::baseModel).orElse(model);
        }
        return model;
    }

    private long randomPlanMs(int epochs) {
        return state.duration(SETUP_LOW_MS, SETUP_HIGH_MS) + epochs * state.duration(EPOCH_LOW_MS, EPOCH_HIGH_MS);
    }

    private static StoredFineTune.Plan plan(FineTuneBody request, Dice dice, java.util.function.IntToLongFunction planMs) {
        ObjectNode hyper = request.hyperParameters();
        int epochs = hyper.path("n_epochs").asInt(3);
        int batch = Math.max(1, hyper.path("batch_size").asInt(32));
        int samples = (int) dice.between(200, 5000);
        boolean ownValidation = !request.validationFileIds().isEmpty();
        int train = ownValidation ? samples : Math.max(1, (int) Math.round(samples * hyper.path("split").asDouble(0.9)));
        int valid = ownValidation ? (int) dice.between(50, 500) : samples - train;
        int steps = (train + batch - 1) / batch;
        long usage = (long) epochs * train * dice.between(150, 1200);
        return new StoredFineTune.Plan(epochs, steps, train, valid, usage, planMs.applyAsLong(epochs), dice.nextLong());
    }

    private long runMs(StoredFineTune.Plan plan, Catalog.TrainingFailure failure) {
        if (failure == null) {
            return plan.planMs();
        }
        double jitter = 0.8 + 0.4 * state.dice().nextDouble();
        return Math.max(1, Math.round(plan.planMs() * failure.at() * jitter));
    }

    private static FineTuneBody randomRequest(Dice dice) {
        String type = dice.chance(0.55) ? "sft" : dice.chance(0.7) ? "efficient_sft" : dice.pick(Catalog.TRAINING_TYPES);
        ObjectNode hyper = HyperParameterRules.defaults(type);
        if (dice.chance(0.4)) {
            hyper.put("n_epochs", (int) dice.between(1, 5));
        }
        List<String> training = dice.chance(0.8) ? List.of(dice.uuid()) : List.of(dice.uuid(), dice.uuid());
        List<String> validation = dice.chance(0.25) ? List.of(dice.uuid()) : List.of();
        String suffix = dice.chance(0.5) ? dice.pick(Catalog.SUFFIXES) : null;
        return new FineTuneBody(dice.pick(Catalog.FINE_TUNE_MODELS), training, validation, hyper, type, suffix);
    }
}
