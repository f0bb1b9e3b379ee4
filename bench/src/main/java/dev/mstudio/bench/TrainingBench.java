package dev.mstudio.bench;

import dev.mstudio.command.Result;
import dev.mstudio.repl.ChartText;
import dev.mstudio.training.TrainingCurve;
import dev.mstudio.training.TrainingLogParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Training insight cost: a 10,000-step fine-tune log (train loss every step, validation every 100)
 * parsed into a curve and drawn as the REPL's 120-column chart, warm. Goal: under 50 ms. Prints the
 * median and the slowest of 50 measured runs after 50 warm-up runs.
 */
public final class TrainingBench {
    private static final int STEPS = 10_000;

    private TrainingBench() {
    }

    public static void main(String[] args) {
        List<String> log = log(new Random(7));
        for (int i = 0; i < 50; i++) {
            run(log);
        }
        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            run(log);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "TrainingBench: %,d log lines (%,d steps) parsed and charted at 120 columns:"
                + " median %.1f ms, slowest %.1f ms over %d runs (goal < 50 ms)%n", log.size(), STEPS,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6, nanos.length);
    }

    private static int run(List<String> log) {
        TrainingCurve curve = TrainingLogParser.parse(log);
        return ChartText.lines(new Result.Chart("bench", curve, List.of(), null), 120, true).size();
    }

    private static List<String> log(Random random) {
        List<String> lines = new ArrayList<>();
        for (int step = 1; step <= STEPS; step++) {
            double loss = 0.4 + 1.6 * Math.exp(-3.0 * step / STEPS) + (random.nextDouble() - 0.5) * 0.05;
            lines.add(String.format(Locale.ROOT, "{'train_loss': %.4f, 'epoch': %.2f, 'step': %d, 'learning_rate': %.3e}",
                    loss, step / 1000.0, step, 1e-4 * (1 - (double) step / STEPS)));
            if (step % 100 == 0) {
                lines.add(String.format(Locale.ROOT, "{'eval_loss': %.4f, 'epoch': %.2f, 'step': %d}", loss * 1.05,
                        step / 1000.0, step));
            }
        }
        lines.add("##FT_COMPLETE##");
        return lines;
    }
}
