package dev.mstudio.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo workspace, the same in every run: time is cut into rounds (an hour, divided by the
 * speed) counted from a fixed epoch, and each round's jobs are drawn from that round's own seed,
 * with times relative to its start. So two runs at the same speed hold the same jobs with the same
 * IDs, in the same statuses at the same wall-clock time: an ID listed by one run can be looked up
 * in the next. The jobs of the previous round and of {@value #ROUNDS_AHEAD} rounds ahead are added
 * too (a job exists from its create time on), so the workspace never runs dry.
 *
 * <p>In each round a fine-tune arrives every 2.5 minutes and lives about 24 minutes, an import
 * every 4 and lives about 20 (all divided by the speed); arrivals and lifetimes barely vary, so at
 * any moment some jobs are PENDING, QUEUING and RUNNING and one of each kind ends within every
 * five minutes. A failing job fails at the time it would have ended. Jobs created before each
 * round ended in every terminal status.
 */
public final class DemoWorkspace {

    static final long EPOCH_MS = Instant.parse("2024-10-29T00:00:00Z").toEpochMilli();
    static final long ROUND_MS = 3_600_000;
    static final int ROUNDS_AHEAD = 8;
    private static final long SEED = 0x6d73_7475_6469_6fL;
    private static final int FINE_TUNES = 24;
    private static final int IMPORTS = 15;
    private static final long HOUR_MS = 3_600_000;
    private static final double FAILURE_RATE = 0.15;

    private final SandboxState state;
    private final ImportFactory imports;
    private final FineTuneFactory fineTunes;

    public DemoWorkspace(SandboxState state, ImportFactory imports, FineTuneFactory fineTunes) {
        this.state = state;
        this.imports = imports;
        this.fineTunes = fineTunes;
    }

    /** Adds the demo's jobs to the default workspace (those already there are skipped). */
    public Seeder.Counts seed() {
        long round = state.scaled(ROUND_MS);
        long current = Math.floorDiv(state.now() - EPOCH_MS, round);
        List<StoredImport> newImports = new ArrayList<>();
        List<StoredFineTune> newFineTunes = new ArrayList<>();
        for (long r = current - 1; r <= current + ROUNDS_AHEAD; r++) {
            Round draw = new Round(new Dice(new SplittableRandom(SEED + r)), EPOCH_MS + r * round);
            draw.fineTunes(newFineTunes);
            draw.imports(newImports);
        }
        String workspace = state.defaultWorkspace();
        newImports.removeIf(job -> state.imports().containsId(job.id()) || state.imports().containsName(job.modelName()));
        newFineTunes.removeIf(job -> state.fineTunes().containsId(job.id()));
        return new Seeder.Counts(state.imports().in(workspace).addAll(newImports),
                state.fineTunes().in(workspace).addAll(newFineTunes));
    }

    /** One round's jobs, drawn in a fixed order from the round's dice. */
    private final class Round {
        private final Dice dice;
        private final long startMs;

        Round(Dice dice, long startMs) {
            this.dice = dice;
            this.startMs = startMs;
        }

        void fineTunes(List<StoredFineTune> into) {
            for (int i = 0; i < FINE_TUNES; i++) {
                long created = startMs + scaled(i * 150_000L + dice.between(0, 30_000));
                long wait = dice.between(576_000, 720_000);
                long run = dice.between(1_440_000, 1_500_000) - wait;
                into.add(fineTune(created, scaled(wait), scaled(run), dice.chance(FAILURE_RATE)));
            }
            String succeeded = StatusVocabulary.FINE_TUNE.succeeded();
            List<String> past = List.of(succeeded, succeeded, StatusVocabulary.FAILED, StatusVocabulary.CANCELED);
            for (String outcome : past) {
                long created = startMs - scaled(dice.between(HOUR_MS, 6 * HOUR_MS));
                long wait = scaled(dice.between(60_000, 300_000));
                StoredFineTune job = fineTune(created, wait, scaled(dice.between(600_000, 1_800_000)),
                        outcome.equals(StatusVocabulary.FAILED));
                if (outcome.equals(StatusVocabulary.CANCELED)) {
                    Lifecycle life = job.lifecycle();
                    life.force(StatusVocabulary.CANCELED, life.startMs() + (life.endMs() - life.startMs()) / 2);
                }
                into.add(job);
            }
        }

            /** A fine-tune that ends (succeeds or fails) after running {@code run}. */
        private StoredFineTune fineTune(long created, long wait, long run, boolean fails) {
            Catalog.TrainingFailure failure = fails ? dice.pick(Catalog.TRAINING_FAILURES) : null;
            long planMs = failure == null ? run : Math.round(run / failure.at());
            Lifecycle life = Lifecycle.queued(created + wait, wait, run, failure == null);
            return fineTunes.demo(dice, life, failure, planMs, state.defaultWorkspace());
        }

        void imports(List<StoredImport> into) {
            for (int i = 0; i < IMPORTS; i++) {
                long created = startMs + scaled(i * 240_000L + dice.between(0, 15_000));
                long wait = dice.between(270_000, 360_000);
                long run = dice.between(1_200_000, 1_230_000) - wait;
                into.add(importJob(created, scaled(wait), scaled(run), dice.chance(FAILURE_RATE)));
            }
            for (boolean fails : new boolean[] {false, false, true}) {
                long created = startMs - scaled(dice.between(HOUR_MS, 6 * HOUR_MS));
                into.add(importJob(created, scaled(dice.between(10_000, 40_000)),
                        scaled(dice.between(240_000, 720_000)), fails));
            }
        }

        private StoredImport importJob(long created, long wait, long run, boolean fails) {
            return imports.demo(dice, Lifecycle.ofStart(created + wait, wait, run, !fails), fails);
        }

        private long scaled(long realisticMs) {
            return state.scaled(realisticMs);
        }
    }
}
