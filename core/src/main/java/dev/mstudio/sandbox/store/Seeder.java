package dev.mstudio.sandbox.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Fills the stores with generated jobs for tests and benchmarks (the demo workspace is {@link DemoWorkspace}). */
public final class Seeder {

    /** How many jobs were added of each kind. */
    public record Counts(int imports, int fineTunes) {
    }

    public static final int MAX_PER_CALL = 1_000_000;
    private static final long SEED_MAX_AGE_MS = Duration.ofDays(60).toMillis();

    private final SandboxState state;
    private final ImportFactory imports;
    private final FineTuneFactory fineTunes;

    public Seeder(SandboxState state, ImportFactory imports, FineTuneFactory fineTunes) {
        this.state = state;
        this.imports = imports;
        this.fineTunes = fineTunes;
    }

    /**
     * Adds jobs with create times spread over the past; a share {@code active} is PENDING or
     * RUNNING, the rest ended (mostly successfully, some failed, some fine-tunes canceled).
     */
    public Counts seed(int importCount, int fineTuneCount, double active, String workspace) {
        if (importCount < 0 || fineTuneCount < 0 || importCount > MAX_PER_CALL || fineTuneCount > MAX_PER_CALL) {
            throw new IllegalArgumentException("imports and finetunes must be between 0 and " + MAX_PER_CALL);
        }
        if (!(active >= 0 && active <= 1)) {
            throw new IllegalArgumentException("active must be between 0 and 1");
        }
        Dice dice = state.dice();
        long now = state.now();
        List<StoredImport> newImports = new ArrayList<>(importCount);
        UniqueKeys keys = new UniqueKeys();
        for (int i = 0; i < importCount; i++) {
            Target target = randomTarget(dice, active);
            boolean fails = target.active() ? state.decidesFailure() : dice.chance(0.2);
            newImports.add(uniqueImport(keys, target, fails, now, SEED_MAX_AGE_MS));
        }
        List<StoredFineTune> newFineTunes = new ArrayList<>(fineTuneCount);
        for (int i = 0; i < fineTuneCount; i++) {
            Target target = randomTarget(dice, active);
            double outcome = dice.nextDouble();
            boolean fails = target.active() ? state.decidesFailure() : outcome >= 0.7 && outcome < 0.9;
            boolean canceled = !target.active() && outcome >= 0.9;
            StoredFineTune job = fineTunes.seeded(target, fails, canceled, now, SEED_MAX_AGE_MS, workspace);
            newFineTunes.add(keys.uniqueFineTune(job));
        }
        return new Counts(state.imports().in(workspace).addAll(newImports),
                state.fineTunes().in(workspace).addAll(newFineTunes));
    }

    private static Target randomTarget(Dice dice, double active) {
        if (!dice.chance(active)) {
            return Target.ENDED;
        }
        return dice.chance(0.3) ? Target.PENDING : Target.RUNNING;
    }

    private StoredImport uniqueImport(UniqueKeys keys, Target target, boolean fails, long now, long maxAgeMs) {
        while (true) {
            StoredImport job = imports.seeded(target, fails, now, maxAgeMs);
            if (keys.claim(job.id(), job.modelName())) {
                return job;
            }
        }
    }

    /** IDs and model names already used, in the stores or earlier in the same batch. */
    private final class UniqueKeys {
        private final Set<String> taken = new HashSet<>();

        boolean claim(String id, String name) {
            boolean free = !taken.contains(id) && !taken.contains(name)
                    && !state.imports().containsId(id) && !state.imports().containsName(name);
            if (free) {
                taken.add(id);
                taken.add(name);
            }
            return free;
        }

        StoredFineTune uniqueFineTune(StoredFineTune job) {
            while (taken.contains(job.id()) || state.fineTunes().containsId(job.id())) {
                job = fineTunes.withNewId(job);
            }
            taken.add(job.id());
            return job;
        }
    }
}
