package dev.mstudio.bench;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.command.Result;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.training.FineTuneLogs;
import dev.mstudio.training.Watchdog;
import java.time.Clock;
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
 * median and the slowest of 50 measured runs after 50 warm-up runs. Then the watchdog's cost over
 * 1,000 followed fine-tunes of a sandbox: log requests per check against the jobs running.
 */
public final class TrainingBench {
    private static final int STEPS = 10_000;
    private static final int FOLLOWED = 1_000;

    private TrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        chart();
        watchdog();
    }

    private static void chart() {
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

    /**
     * The watchdog over 1,000 followed fine-tunes of a sandbox (about two in three active): two
     * checks, counting the log requests each makes against the jobs RUNNING (goal: at most one each).
     */
    private static void watchdog() throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (Sandbox sandbox = Sandbox.builder().port(0).speed(0.000_001).random(7).build().start();
                DashScopeClient client = DashScopeClient.builder()
                        .config(ClientConfig.of(sandbox.baseUrl(), "sk-bench")).build()) {
            sandbox.seed(0, FOLLOWED, 0.66);
            List<FineTuneJob> jobs = new ArrayList<>();
            for (int page = 1; jobs.size() < FOLLOWED; page++) {
                jobs.addAll(client.listFineTunes(new FineTuneQuery(page, 100, null, null)).items());
            }
            long running = jobs.stream().filter(job -> "RUNNING".equals(job.status())).count();
            Watchdog watchdog = new Watchdog(new FineTuneLogs(client), (task, delay) -> () -> { },
                    Clock.systemUTC(), Watchdog.Thresholds.DEFAULTS, alert -> { });
            jobs.forEach(watchdog::observe);
            String logs = "GET /api/v1/fine-tunes/{job_id}/logs";
            long[] perCheck = new long[2];
            long[] millis = new long[2];
            for (int check = 0; check < 2; check++) {
                sandbox.resetStats();
                long start = System.nanoTime();
                watchdog.check();
                millis[check] = (System.nanoTime() - start) / 1_000_000;
                perCheck[check] = sandbox.stats().count(logs);
            }
            System.out.printf(Locale.ROOT, "Watchdog: %,d fine-tunes followed (%,d still active, %,d RUNNING): "
                    + "check 1 made %,d log requests in %,d ms, check 2 %,d in %,d ms (goal <= %,d each)%n",
                    jobs.size(), watchdog.size(), running, perCheck[0], millis[0], perCheck[1], millis[1], running);
        }
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
