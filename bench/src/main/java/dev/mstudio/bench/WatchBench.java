package dev.mstudio.bench;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.JobKind;
import dev.mstudio.client.Page;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.sandbox.Stats;
import dev.mstudio.watch.JobWatcher;
import dev.mstudio.watch.WatchEvent;
import dev.mstudio.watch.WatchFilter;
import dev.mstudio.watch.WatchScheduler;
import dev.mstudio.watch.Watchers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * Measures the status watcher against the sandbox over loopback HTTP.
 *
 * <p>Part 1 (requests): seeds N active import jobs, watches all of them by ID, and runs poll cycles
 * one by one, forcing a share of them to terminal statuses between cycles (spread evenly over the
 * cycles). Prints the requests each cycle made (sandbox stats delta) against the N a GET-per-job
 * watcher would make, the ratio (goal: at least 40x overall), and whether every forced transition
 * was reported exactly once. Each forced transition costs one GET by design: a job that leaves the
 * active lists is looked up once so its real final state is reported.
 *
 * <p>Part 2 (latency): with the real clock and a fixed 1 s poll interval, forces one watched job at
 * a time to FAILED and times the listener's event; goal: at most one interval + 1 s.
 *
 * <p>Arguments (all optional): {@code --jobs N} (1000), {@code --cycles N} (10),
 * {@code --force-share X} (0.10), {@code --trials N} (10).
 */
public final class WatchBench {
    private static final String LIST = "GET /api/v1/custom_models/import";
    private static final String GET = "GET /api/v1/custom_models/import/{job_id}";
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Random random = new Random(7);
    private final Sandbox sandbox;
    private final DashScopeClient client;

    private WatchBench(Sandbox sandbox, DashScopeClient client) {
        this.sandbox = sandbox;
        this.client = client;
    }

    record Options(int jobs, int cycles, double forceShare, int trials) {
        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                given.put(args[i], args[i + 1]);
            }
            return new Options(Integer.parseInt(given.getOrDefault("--jobs", "1000")),
                    Integer.parseInt(given.getOrDefault("--cycles", "10")),
                    Double.parseDouble(given.getOrDefault("--force-share", "0.10")),
                    Integer.parseInt(given.getOrDefault("--trials", "10")));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        // the JDK HttpServer leaves Nagle on otherwise: ~40 ms per small response on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (Sandbox sandbox = Sandbox.builder().port(0).speed(0.0001).random(7).build().start();
                DashScopeClient client = DashScopeClient.builder()
                        .config(ClientConfig.of(sandbox.baseUrl(), "sk-bench")).build()) {
            WatchBench bench = new WatchBench(sandbox, client);
            sandbox.seed(options.jobs(), 0, 1.0);
            boolean requestsOk = bench.requestsPerCycle(options);
            boolean latencyOk = bench.latency(options.trials());
            System.out.println();
            System.out.println("RESULT requests " + (requestsOk ? "PASS" : "FAIL")
                    + ", latency " + (latencyOk ? "PASS" : "FAIL"));
        }
    }

    // ---- part 1: requests per cycle -------------------------------------------------------------

    private boolean requestsPerCycle(Options options) throws IOException {
        List<String> watched = activeImports();
        int perCycle = (int) Math.round(watched.size() * options.forceShare() / Math.max(1, options.cycles() - 1));
        System.out.printf("Part 1: %d active import jobs watched by ID; %d cycles; %d forced to a terminal"
                + " status before each cycle after the first%n", watched.size(), options.cycles(), perCycle);
        StepScheduler scheduler = new StepScheduler();
        Map<String, List<String>> reported = new ConcurrentHashMap<>();
        try (Watchers watchers = Watchers.builder(client).scheduler(scheduler).executor(Runnable::run).build()) {
            JobWatcher watcher = watchers.of(JobKind.IMPORT);
            watcher.subscribe(WatchFilter.jobs(watched), event -> {
                if (event instanceof WatchEvent.StatusChanged changed && changed.finished()) {
                    reported.computeIfAbsent(changed.jobId(), id -> new CopyOnWriteArrayList<>())
                            .add(changed.newStatus());
                }
            });
            List<String> active = new ArrayList<>(watched);
            Collections.shuffle(active, random);
            Map<String, String> forced = new LinkedHashMap<>();
            long total = runCycles(options.cycles(), perCycle, scheduler, watcher, active, forced);
            long wouldBe = (long) watched.size() * options.cycles();
            return summarize(total, wouldBe, forced, reported);
        }
    }

    private long runCycles(int cycles, int perCycle, StepScheduler scheduler, JobWatcher watcher,
            List<String> active, Map<String, String> forced) {
        int watchedCount = active.size();
        System.out.println("  cycle  forced  list  get  total  (GET-per-job: " + watchedCount + ")  ratio");
        long total = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            int force = cycle == 1 ? 0 : Math.min(perCycle, active.size());
            for (int i = 0; i < force; i++) {
                String id = active.remove(active.size() - 1);
                String status = random.nextBoolean() ? "SUCCESSED" : "FAILED";
                sandbox.forceStatus(id, status);
                forced.put(id, status);
            }
            Stats before = sandbox.stats();
            scheduler.runNext();
            Stats after = sandbox.stats();
            long requests = after.total() - before.total();
            total += requests;
            System.out.printf("  %5d  %6d  %4d  %3d  %5d  (watcher counted %d)  %.1fx%n", cycle, force,
                    after.count(LIST) - before.count(LIST), after.count(GET) - before.count(GET), requests,
                    watcher.health().requestsLastCycle(), (double) watchedCount / requests);
        }
        return total;
    }

    private static boolean summarize(long total, long wouldBe, Map<String, String> forced,
            Map<String, List<String>> reported) {
        double ratio = (double) wouldBe / total;
        long once = forced.entrySet().stream()
                .filter(f -> List.of(f.getValue()).equals(reported.get(f.getKey()))).count();
        long others = reported.keySet().stream().filter(id -> !forced.containsKey(id)).count();
        boolean exactlyOnce = once == forced.size();
        System.out.printf("  total %d requests vs %d for GET-per-job: %.1fx fewer (goal >= 40x)%n",
                total, wouldBe, ratio);
        System.out.printf("  forced transitions reported exactly once, with the forced status: %d of %d -> %s"
                + " (%d natural transitions also reported)%n", once, forced.size(), exactlyOnce ? "yes" : "NO", others);
        return ratio >= 40 && exactlyOnce;
    }

    // ---- part 2: latency with a real clock ------------------------------------------------------

    private boolean latency(int trials) throws IOException, InterruptedException {
        List<String> watched = activeImports();
        System.out.printf("%nPart 2: latency from a forced status change to the listener's event;"
                + " real clock, fixed %d s interval, %d jobs watched, %d trials%n",
                INTERVAL.toSeconds(), watched.size(), trials);
        Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
        List<Long> millis = new ArrayList<>();
        try (Watchers watchers = Watchers.builder(client).fixedInterval(INTERVAL).build()) {
            watchers.of(JobKind.IMPORT).subscribe(WatchFilter.jobs(watched), event -> {
                if (event instanceof WatchEvent.StatusChanged changed) {
                    arrivals.computeIfAbsent(changed.jobId(), id -> new CompletableFuture<>())
                            .complete(System.nanoTime());
                }
            });
            awaitSynced(watchers.of(JobKind.IMPORT));
            for (int trial = 0; trial < trials && trial < watched.size(); trial++) {
                millis.add(timeOne(watched.get(trial), arrivals));
            }
        }
        return report(millis);
    }

    private long timeOne(String id, Map<String, CompletableFuture<Long>> arrivals) throws InterruptedException {
        Thread.sleep(random.nextInt((int) INTERVAL.toMillis()));
        CompletableFuture<Long> arrival = arrivals.computeIfAbsent(id, k -> new CompletableFuture<>());
        long start = System.nanoTime();
        sandbox.forceStatus(id, "FAILED");
        try {
            long end = arrival.get(INTERVAL.toSeconds() * 30, TimeUnit.SECONDS);
            return TimeUnit.NANOSECONDS.toMillis(end - start);
        } catch (ExecutionException | TimeoutException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void awaitSynced(JobWatcher watcher) throws InterruptedException {
        for (int i = 0; i < 600 && !watcher.hasSynced(); i++) {
            Thread.sleep(50);
        }
    }

    private static boolean report(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        long goal = INTERVAL.plusSeconds(1).toMillis();
        long max = sorted.get(sorted.size() - 1);
        System.out.printf("  min %d ms, median %d ms, max %s ms (goal <= %d ms)%n", sorted.get(0),
                sorted.get(sorted.size() / 2), max == Long.MAX_VALUE ? "timeout" : String.valueOf(max), goal);
        return max <= goal;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private List<String> activeImports() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String status : JobKind.IMPORT.activeStatuses()) {
            for (int pageNo = 1; ; pageNo++) {
                Page<ImportJob> page = client.listImports(new ImportQuery(pageNo, 100, status, null));
                page.items().forEach(job -> ids.add(job.jobId()));
                if (!page.hasNext()) {
                    break;
                }
            }
        }
        return ids;
    }

    /** Runs the watcher's cycles one at a time, when told, whatever delay the watcher asked for. */
    private static final class StepScheduler implements WatchScheduler {
        private final List<Runnable> pending = new ArrayList<>();

        @Override
        public synchronized Task schedule(Runnable task, Duration delay) {
            pending.add(task);
            return () -> remove(task);
        }

        void runNext() {
            Runnable next;
            synchronized (this) {
                if (pending.isEmpty()) {
                    throw new IllegalStateException("the watcher scheduled no cycle");
                }
                next = pending.remove(0);
            }
            next.run();
        }

        private synchronized void remove(Runnable task) {
            pending.remove(task);
        }
    }
}
