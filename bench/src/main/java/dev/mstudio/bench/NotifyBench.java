package dev.mstudio.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.Jobs;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import dev.mstudio.slackbot.notify.BotStore;
import dev.mstudio.slackbot.notify.Notifier;
import dev.mstudio.watch.WatchHealth;
import dev.mstudio.watch.Watchers;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Measures channel notifications end to end on loopback: a sandbox, FakeSlack, a notifier on a
 * temporary SQLite database and the shared core watchers (1 s poll interval). N active import jobs
 * are watched across C channels (round robin), the watch messages drain, then every job is forced
 * terminal in one burst (alternately FAILED and SUCCESSED) and the outbox drains again.
 *
 * <p>Prints messages delivered against expected, the highest per-channel send rate FakeSlack saw
 * (goal: about 1 per second), API requests per poll cycle (sandbox stats), time to drain, and the
 * peak heap used (run with {@code -Xmx128m}; goal under 128 MB).
 *
 * <p>Arguments (optional): {@code --jobs N} (1000), {@code --channels N} (100).
 */
public final class NotifyBench {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    record Options(int jobs, int channels) {
        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                given.put(args[i], args[i + 1]);
            }
            return new Options(Integer.parseInt(given.getOrDefault("--jobs", "1000")),
                    Integer.parseInt(given.getOrDefault("--channels", "100")));
        }
    }

    private final Sandbox sandbox;
    private final FakeSlack slack;
    private final Watchers watchers;
    private final Notifier notifier;

    private NotifyBench(Sandbox sandbox, FakeSlack slack, Watchers watchers, Notifier notifier) {
        this.sandbox = sandbox;
        this.slack = slack;
        this.watchers = watchers;
        this.notifier = notifier;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        HeapSampler heap = HeapSampler.start();
        Path dir = Files.createTempDirectory("notify-bench");
        SlackConfig slackConfig = new SlackConfig();
        try (Sandbox sandbox = Sandbox.builder().port(0).speed(0.000_001).random(7).build().start();
                DashScopeClient client = DashScopeClient.builder()
                        .config(ClientConfig.of(sandbox.baseUrl(), "sk-bench")).build();
                Jobs jobs = Jobs.builder(client).build();
                FakeSlack slack = FakeSlack.start(0).join(IntStream.range(0, options.channels())
                        .mapToObj(i -> channel(i, options.channels())).toArray(String[]::new));
                BotStore store = BotStore.open("jdbc:sqlite:" + dir.resolve("bot.db"));
                Watchers watchers = Watchers.builder(client).stateStore(store).fixedInterval(POLL).build()) {
            slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl());
            try (Slack sdk = Slack.getInstance(slackConfig);
                    Notifier notifier = Notifier.builder(watchers, jobs, sdk.methods("xoxb-bench"), store)
                            .build().start()) {
                sandbox.seed(options.jobs(), 0, 1.0);
                List<String> ids = activeImports(client, options.jobs());
                new NotifyBench(sandbox, slack, watchers, notifier).run(options, ids, heap);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void run(Options options, List<String> ids, HeapSampler heap) throws Exception {
        System.out.printf("NotifyBench: %d watched import jobs across %d channels, poll interval %d s%n",
                ids.size(), options.channels(), POLL.toSeconds());
        long start = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            notifier.watch(channel(i, options.channels()), JobKind.IMPORT, ids.get(i), "U0BENCH");
        }
        await("watch messages posted", () -> notifier.health().pending() == 0);
        System.out.printf("  watch phase: %d watch messages drained in %.1f s%n", ids.size(), seconds(start));
        pollCost(ids.size());
        long burst = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            sandbox.forceStatus(ids.get(i), i % 2 == 0 ? "FAILED" : "SUCCESSED");
        }
        await("burst drained", () -> notifier.health().pending() == 0 && notifier.health().watchedJobs() == 0);
        System.out.printf("  burst phase: %d jobs forced terminal; outbox drained in %.1f s%n", ids.size(),
                seconds(burst));
        report(ids);
        System.out.printf("  peak heap used: %.1f MB (max heap %.0f MB)%n", heap.peakMb(),
                Runtime.getRuntime().maxMemory() / 1048576.0);
        heap.stop();
    }

    /** API requests per poll cycle while all jobs are watched, from the sandbox's own counters. */
    private void pollCost(int watched) throws InterruptedException {
        WatchHealth before = watchers.of(JobKind.IMPORT).health();
        long requestsBefore = sandbox.stats().total();
        await("3 poll cycles", () -> watchers.of(JobKind.IMPORT).health().cycles() >= before.cycles() + 3);
        WatchHealth after = watchers.of(JobKind.IMPORT).health();
        long requests = sandbox.stats().total() - requestsBefore;
        long cycles = after.cycles() - before.cycles();
        System.out.printf("  API requests per poll cycle: %.1f (sandbox: %d requests over %d cycles; watcher's"
                + " last cycle %d) vs %d for GET-per-job; core subscriptions: %d (one per job, whatever"
                + " the channels)%n",
                (double) requests / cycles, requests, cycles, after.requestsLastCycle(), watched,
                after.listeners());
    }

    private void report(List<String> ids) {
        List<SlackCall> posts = slack.calls("chat.postMessage").stream().filter(SlackCall::ok).toList();
        long watchMessages = posts.stream().filter(c -> c.threadTs() == null && !isDigest(c)).count();
        List<SlackCall> notices = posts.stream().filter(c -> c.threadTs() != null || isDigest(c)).toList();
        long updates = slack.calls("chat.update").stream().filter(SlackCall::ok).count();
        Map<String, Long> reported = mentions(notices, ids);
        long once = reported.values().stream().filter(n -> n == 1).count();
        long twice = reported.values().stream().filter(n -> n > 1).count();
        System.out.printf("  messages delivered: %d watch messages (expected %d), %d chat.update (<= %d: pending"
                + " updates of one message are merged), %d thread replies + %d digests%n", watchMessages,
                ids.size(), updates, ids.size(), notices.stream().filter(c -> c.threadTs() != null).count(),
                notices.stream().filter(NotifyBench::isDigest).count());
        System.out.printf("  completions reported exactly once: %d of %d expected (%d more than once);"
                + " dropped %d; refused calls %d%n", once, ids.size(), twice, notifier.health().dropped(),
                slack.calls().stream().filter(c -> !c.ok()).count());
        rate();
    }

    /** The highest number of calls FakeSlack received for one channel within any 1 s window. */
    private void rate() {
        Map<String, List<SlackCall>> byChannel = slack.calls().stream().filter(c -> c.channel() != null)
                .collect(Collectors.groupingBy(SlackCall::channel));
        int maxInWindow = 0;
        long minGapMs = Long.MAX_VALUE;
        for (List<SlackCall> calls : byChannel.values()) {
            List<SlackCall> sorted = new ArrayList<>(calls);
            sorted.sort(Comparator.comparing(SlackCall::at));
            int from = 0;
            for (int to = 0; to < sorted.size(); to++) {
                while (Duration.between(sorted.get(from).at(), sorted.get(to).at()).toMillis() >= 1000) {
                    from++;
                }
                maxInWindow = Math.max(maxInWindow, to - from + 1);
                if (to > 0) {
                    minGapMs = Math.min(minGapMs,
                            Duration.between(sorted.get(to - 1).at(), sorted.get(to).at()).toMillis());
                }
            }
        }
        System.out.printf("  max per-channel send rate: %d call(s) in any 1 s window; smallest gap between two"
                + " calls to one channel %d ms (goal ~1/s)%n", maxInWindow, minGapMs);
    }

    private static boolean isDigest(SlackCall call) {
        return call.text() != null && call.text().matches("(?s)\\d+ jobs finished:.*");
    }

    /** How often each job ID appears (as a whole word) in the texts of the calls. */
    private static Map<String, Long> mentions(List<SlackCall> calls, List<String> ids) {
        Map<String, Long> counts = new HashMap<>();
        ids.forEach(id -> counts.put(id, 0L));
        for (SlackCall call : calls) {
            for (String word : String.valueOf(call.text()).split("[^A-Za-z0-9_-]+")) {
                counts.computeIfPresent(word, (id, n) -> n + 1);
            }
        }
        return counts;
    }

    private static String channel(int index, int channels) {
        return String.format("C%05d", index % channels);
    }

    private static List<String> activeImports(DashScopeClient client, int limit) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String status : List.of("PENDING", "RUNNING")) {
            for (int page = 1; ids.size() < limit; page++) {
                List<ImportJob> items = client.listImports(new ImportQuery(page, 100, status, null)).items();
                items.stream().map(ImportJob::jobId).limit(limit - ids.size()).forEach(ids::add);
                if (items.size() < 100) {
                    break;
                }
            }
        }
        return ids;
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Samples the heap used every 10 ms on a daemon thread and keeps the highest figure. */
    private static final class HeapSampler implements Runnable {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            Thread thread = new Thread(sampler, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        double peakMb() {
            return peak.get() / 1048576.0;
        }

        void stop() {
            running = false;
        }
    }
}
