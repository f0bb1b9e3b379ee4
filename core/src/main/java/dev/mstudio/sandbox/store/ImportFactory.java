package dev.mstudio.sandbox.store;

import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.Json;

/** Builds import jobs: new ones from a request, seeded ones at a chosen point of their life. */
public final class ImportFactory {

    private static final long PENDING_LOW_MS = 10_000;
    private static final long PENDING_HIGH_MS = 40_000;
    private static final long RUN_LOW_MS = 4 * 60_000;
    private static final long RUN_HIGH_MS = 12 * 60_000;
    private static final int ATTEMPTS = 20;

    private final SandboxState state;

    public ImportFactory(SandboxState state) {
        this.state = state;
    }

    /** Creates and stores a PENDING job whose outcome is decided now by the failure rate. */
    public StoredImport create(ImportBody request, String workspace, long now) {
        boolean fails = state.decidesFailure();
        long pending = state.duration(PENDING_LOW_MS, PENDING_HIGH_MS);
        long run = runMs(fails);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Lifecycle lifecycle = Lifecycle.ofStart(now + pending, pending, run, !fails);
            StoredImport job = build(request, fails, lifecycle, state.dice());
            if (!state.imports().containsId(job.id()) && !state.imports().containsName(job.modelName())
                    && state.imports().in(workspace).add(job)) {
                return job;
            }
        }
        throw ApiError.internal();
    }

    /** A job standing at {@code target} now, ended within {@code maxAgeMs} if ENDED. */
    StoredImport seeded(Target target, boolean fails, long now, long maxAgeMs) {
        ImportBody request = randomRequest(state.dice());
        long pending = state.duration(PENDING_LOW_MS, PENDING_HIGH_MS);
        long run = runMs(fails);
        long start = target.startMs(state, now, pending, run, maxAgeMs);
        return build(request, fails, Lifecycle.ofStart(start, pending, run, !fails), state.dice());
    }

    /** A demo job drawn from {@code dice} alone, on a given lifecycle. */
    StoredImport demo(Dice dice, Lifecycle lifecycle, boolean fails) {
        return build(randomRequest(dice), fails, lifecycle, dice);
    }

    private static ImportBody randomRequest(Dice dice) {
        String base = dice.pick(Catalog.IMPORT_BASE_MODELS.subList(2, 14));
        String display = dice.pick(Catalog.DISPLAY_NAMES);
        String weight = dice.chance(0.7) ? "lora" : "full";
        if (dice.chance(0.5)) {
            display = display + " v" + (1 + dice.nextInt(5));
        }
        return new ImportBody(base, display, weight, dice.pick(Catalog.BUCKETS),
                Catalog.objectKey(base, display, weight));
    }

    private long runMs(boolean fails) {
        long run = state.duration(RUN_LOW_MS, RUN_HIGH_MS);
        return fails ? Math.max(1, run * (10 + state.dice().nextInt(80)) / 100) : run;
    }

    private static StoredImport build(ImportBody request, boolean fails, Lifecycle lifecycle, Dice dice) {
        String modelName = request.baseModel() + "-offline-" + Json.day(lifecycle.createdMs()) + "-"
                + dice.alnum(4);
        String errorCode = fails ? dice.pick(Catalog.IMPORT_ERRORS) : null;
        return new StoredImport(dice.uuid(), modelName, request.displayName(), request.baseModel(),
                request.weightType(), request.bucket(), request.objectKey(), errorCode, lifecycle);
    }
}
